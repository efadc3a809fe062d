package io.eventscope.source.kafka;

import java.util.ArrayDeque;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The last N records of the merged order, for {@code --last N} across partitions. */
final class LastRecords {
    private record Held(ConsumerRecord<byte[], byte[]> record, int partition) {
    }

    private final int limit;
    private final ArrayDeque<Held> held = new ArrayDeque<>();

    LastRecords(int limit) {
        this.limit = limit;
    }

    void add(ConsumerRecord<byte[], byte[]> r, int partition) {
        if (held.size() == limit) {
            held.poll();
        }
        held.add(new Held(r, partition));
    }

    void appendTo(RecordAppender appender) {
        for (Held h : held) {
            appender.append(h.record, h.partition);
        }
        held.clear();
    }
}
