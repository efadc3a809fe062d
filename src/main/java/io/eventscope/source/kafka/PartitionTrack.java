package io.eventscope.source.kafka;

import io.eventscope.source.Completeness;
import java.util.ArrayList;
import java.util.List;

/**
 * What a load got of one partition: its log-start and end offsets when the load began, the offset the
 * window asked for, and the offsets that held no readable record (gaps), found as records arrive.
 */
final class PartitionTrack {
    final String label;
    final long logStart;
    final long end;
    final long requestedFrom;
    private final String gapReason;
    private final List<Completeness.Gap> gaps = new ArrayList<>();
    private long next;
    private long delivered;

    /** @param end the end offset when the load began (the last stable offset when reading committed) */
    PartitionTrack(String label, long logStart, long end, long requestedFrom, String gapReason) {
        this.label = label;
        this.logStart = logStart;
        this.end = end;
        this.requestedFrom = requestedFrom;
        this.gapReason = gapReason;
        this.next = requestedFrom;
    }

    /** A record at {@code offset} arrived (offsets only grow within a partition). */
    void seen(long offset) {
        if (offset > next) {
            gaps.add(new Completeness.Gap(next, offset - 1, gapReason));
        }
        next = Math.max(next, offset + 1);
        delivered++;
    }

    /** The offset after the last record seen (where a live tail goes on). */
    long next() {
        return next;
    }

    long delivered() {
        return delivered;
    }

    /**
     * The extent once the load is over. {@code readTo} is where the consumer stood: offsets between the
     * last record and it held no record (transaction markers, compacted away); a cancelled load stops
     * earlier and claims nothing about the rest.
     */
    Completeness.StreamExtent extent(long readTo) {
        List<Completeness.Gap> all = new ArrayList<>(gaps);
        long upTo = Math.min(readTo, end);
        if (upTo > next) {
            all.add(new Completeness.Gap(next, upTo - 1, gapReason));
        }
        return new Completeness.StreamExtent(label, logStart, end - 1, requestedFrom, delivered, all);
    }
}
