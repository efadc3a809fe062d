package io.eventscope.source;

import java.util.List;

/**
 * What a load got compared to what the source holds: per stream the first and last sequence and the
 * sequences that were never delivered (deleted, expired, acked away), plus messages flagged as resent
 * from the dead-letter station or as repeats of a message id, and caveats: facts about the source that
 * limit what the load can show (a compacted topic no longer holds the history before compaction).
 * Empty for files, which have no gaps.
 */
public record Completeness(List<StreamExtent> streams, long deadLetterResends, long duplicateMessageIds,
                           List<String> caveats) {
    public static final Completeness NONE = new Completeness(List.of(), 0, 0);

    public Completeness {
        streams = List.copyOf(streams);
        caveats = List.copyOf(caveats);
    }

    public Completeness(List<StreamExtent> streams, long deadLetterResends, long duplicateMessageIds) {
        this(streams, deadLetterResends, duplicateMessageIds, List.of());
    }

    /** This with one more caveat; unchanged when {@code caveat} is null. */
    public Completeness withCaveat(String caveat) {
        if (caveat == null) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(caveats);
        more.add(caveat);
        return new Completeness(streams, deadLetterResends, duplicateMessageIds, more);
    }

    /** Missing sequences {@code from..to} (inclusive) of one stream and why they are believed missing. */
    public record Gap(long from, long to, String reason) {
        public long count() {
            return to - from + 1;
        }
    }

    /**
     * One stream as loaded: the stream's own first/last sequence when the load started, the range the
     * load asked for, how many messages arrived, and the gaps inside that range.
     */
    public record StreamExtent(String stream, long firstSequence, long lastSequence, long requestedFrom,
                               long delivered, List<Gap> gaps) {
        public StreamExtent {
            gaps = List.copyOf(gaps);
        }

        public long missing() {
            return gaps.stream().mapToLong(Gap::count).sum();
        }
    }

    public long missing() {
        return streams.stream().mapToLong(StreamExtent::missing).sum();
    }

    /** True when nothing is missing, nothing was resent or repeated, and there is no caveat. */
    public boolean complete() {
        return missing() == 0 && deadLetterResends == 0 && duplicateMessageIds == 0 && caveats.isEmpty();
    }
}
