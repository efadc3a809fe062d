package io.eventscope.source.kafka;

import io.eventscope.event.EventTimes;
import io.eventscope.event.Flag;
import io.eventscope.event.FlagKind;
import io.eventscope.event.HeaderBlock;
import io.eventscope.event.TimelineWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

/**
 * Turns consumer records into timeline positions: the partition and offset as coordinates, the record
 * timestamp as broker time, the record headers as headers, and the key and timestamp type as two headers
 * with the reserved names {@link #KEY} and {@link #TIMESTAMP_TYPE} (so that the detail pane and every
 * export show them with no new column). A tombstone (null value) is kept, flagged.
 */
final class RecordAppender {
    /** Reserved header name: the record key as UTF-8 text. */
    static final String KEY = "kafka.key";
    /** Reserved header name: CreateTime or LogAppendTime. */
    static final String TIMESTAMP_TYPE = "kafka.timestamp-type";
    private static final byte[] NO_BYTES = new byte[0];
    private static final List<Flag> TOMBSTONE = List.of(new Flag(FlagKind.TOMBSTONE,
            "the record has a key and no value (a deletion marker for compaction)"));
    private static final List<Flag> NOT_COMMITTED = List.of(new Flag(FlagKind.NOT_COMMITTED,
            "its transaction was aborted or is still open; read committed would not show it"));

    private final TimelineWriter writer;
    private final PartitionTrack[] tracks;
    private final CommittedOffsets committed;
    // Reused for every record: the writer copies the packed headers at once.
    private final HeaderBlock headers = new HeaderBlock();

    /** @param committed offsets known committed, to flag the others; null when reading committed only */
    RecordAppender(TimelineWriter writer, PartitionTrack[] tracks, CommittedOffsets committed) {
        this.writer = writer;
        this.tracks = tracks;
        this.committed = committed;
    }

    TimelineWriter writer() {
        return writer;
    }

    /**
     * Appends one record of partition index {@code p} (its index in {@code tracks}), visible at once (a live
     * tail); gaps are the caller's.
     */
    void append(ConsumerRecord<byte[], byte[]> r, int p) {
        add(r, p, false);
    }

    /**
     * As above, but staged: decoded with the records around it (a load), visible after {@link #decodeStaged}
     * or once the writer has a batch.
     */
    void stage(ConsumerRecord<byte[], byte[]> r, int p) {
        add(r, p, true);
    }

    /** Starts decoding the staged records (the writer starts a batch by itself once enough are staged). */
    void decodeStaged() {
        writer.decodeStaged();
    }

    private void add(ConsumerRecord<byte[], byte[]> r, int p, boolean staged) {
        PartitionTrack track = tracks[p];
        headers.clear();
        byte[] key = r.key();
        // Most keys are plain ASCII: their bytes are their header text, no string made per record.
        if (key != null && !headers.addPlain(KEY, key)) {
            headers.add(KEY, keyText(key));
        }
        TimestampType type = r.timestampType();
        if (type != TimestampType.NO_TIMESTAMP_TYPE) {
            headers.add(TIMESTAMP_TYPE, type.name);
        }
        for (Header h : r.headers()) {
            byte[] v = h.value();
            headers.add(printable(h.key()), v == null ? "" : printable(new String(v, StandardCharsets.UTF_8)));
        }
        byte[] value = r.value();
        List<Flag> flags = value == null ? TOMBSTONE
                : committed != null && !committed.contains(p, r.offset()) ? NOT_COMMITTED : List.of();
        byte[] data = value == null ? NO_BYTES : value;
        long ms = r.timestamp();
        // A timestamp past the year 2262 does not fit in epoch nanos: shown as no broker time, not a crash.
        long time = ms < 0 || ms > Long.MAX_VALUE / 1_000_000L ? EventTimes.NONE : EventTimes.fromEpochMillis(ms);
        if (staged) {
            writer.stage(data, 0, data.length, track.label, r.offset(), time, headers, flags);
        } else {
            writer.append(data, 0, data.length, track.label, r.offset(), time, headers, flags);
        }
    }

    /** The record key as header text: UTF-8, control characters escaped. */
    static String keyText(byte[] key) {
        return printable(new String(key, StandardCharsets.UTF_8));
    }

    /**
     * Headers are packed as {@code name\0value\n}: a NUL or line break inside a name or value (Kafka headers
     * are arbitrary bytes) is shown escaped so that it cannot split one header into two.
     */
    static String printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == '\n' || c == '\r') {
                return s.replace("\\", "\\\\").replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r");
            }
        }
        return s;
    }
}
