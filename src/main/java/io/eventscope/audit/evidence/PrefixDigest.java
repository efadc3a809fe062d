package io.eventscope.audit.evidence;

import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A CRC-32C of the payloads of positions 1..cut, gathered burst by burst. A streamed export reads its
 * source twice (once to fold, once to write events.jsonl); the two digests agreeing says the second read
 * gave the same events up to the cut (a stream trimmed, or a window that moved, in between would not).
 * A time cut's end is learned as the read goes: the digest is kept at each position the cut takes in.
 */
public final class PrefixDigest implements Consumer<Timeline> {
    private final CRC32C crc = new CRC32C();
    private final int limit;
    private final long atNanos;
    private final boolean byTime;
    private long atCut = crc.getValue();
    private int cut;

    private PrefixDigest(int limit, Instant at) {
        this.limit = limit;
        this.byTime = at != null;
        this.atNanos = at == null ? EventTimes.NONE : EventTimes.toNanos(at);
    }

    /** Digests positions 1..position ({@code -1}: to the end). */
    public static PrefixDigest toPosition(int position) {
        return new PrefixDigest(position < 0 ? Integer.MAX_VALUE : position, null);
    }

    /** Digests up to the last position whose time is at or before {@code at}. */
    public static PrefixDigest atTime(Instant at) {
        return new PrefixDigest(Integer.MAX_VALUE, at);
    }

    @Override
    public void accept(Timeline t) {
        int base = t.discarded();
        int end = (int) Math.min(t.size(), (long) limit - base);
        for (int i = 0; i < end; i++) {
            crc.update(t.payloadAt(i));
            if (!byTime || t.effectiveTimeAt(i) <= atNanos) {
                atCut = crc.getValue();
                cut = base + i + 1;
            }
        }
    }

    /** Whether every position up to a position limit was digested (a second read may stop there). */
    public boolean reached() {
        return cut >= limit;
    }

    /**
     * @throws IllegalArgumentException with one sentence when {@code first} (the first read) saw other events
     */
    public void checkSameAs(PrefixDigest first, String sourceName) {
        if (cut != first.cut || atCut != first.atCut) {
            throw new IllegalArgumentException("The events of " + sourceName + " up to position " + first.cut
                    + " changed between the export's two reads (a stream trimmed or written over?); export again into a new folder, "
                    + "or export a copy of the source saved as a file.");
        }
    }
}
