package io.eventscope.event;

import java.util.List;

/**
 * Broker messages already stored in the columns and the payload arena (payload, coordinates, headers),
 * decoded later as one batch, so that a large batch can go to {@link OverlappedDecoding} as file lines do.
 * The decoder reads each payload and its packed headers in place in the arena.
 */
final class StoredMessages implements OverlappedDecoding.Batch {
    private final Timeline timeline;
    private final int first;
    /** The source's flags for positions {@code first..}, in order. */
    private final List<Flag>[] sourceFlags;

    StoredMessages(Timeline timeline, int first, List<Flag>[] sourceFlags) {
        this.timeline = timeline;
        this.first = first;
        this.sourceFlags = sourceFlags;
    }

    @Override
    public void decode(PayloadDecoder decoder, int from, int to, DecodedFields.Sink sink) {
        Timeline t = timeline;
        ByteArena arena = t.payloads;
        long[] payloadRefs = t.payloadRef;
        long[] headerRefs = t.headerRef;
        for (int i = from; i < to; i++) {
            long ref = payloadRefs[i];
            long h = headerRefs == null ? Long.MIN_VALUE : headerRefs[i];
            byte[] headers = h == Long.MIN_VALUE ? null : arena.chunkOf(h);
            int headerFrom = h == Long.MIN_VALUE ? 0 : ByteArena.offset(h);
            int headerLength = h == Long.MIN_VALUE ? 0 : arena.length(h);
            sink.decoded(i, decoder.decode(arena.chunkOf(ref), ByteArena.offset(ref), arena.length(ref),
                    sourceFlags[i - first], headers, headerFrom, headerLength));
        }
    }
}
