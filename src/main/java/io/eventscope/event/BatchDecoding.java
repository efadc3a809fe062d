package io.eventscope.event;

/**
 * Decodes the writer's batches of stored positions, file lines and broker messages alike: a large batch
 * on two threads, overlapped with storing the next one ({@link OverlappedDecoding}), a small one at once on
 * the loading thread. Either way a batch is published whole, after the one before it.
 */
final class BatchDecoding {
    /** Batches of at least this many positions are decoded on two threads. */
    static final int PARALLEL_MIN = 2048;
    /** {@code -Deventscope.parallelDecode=false} decodes on one thread (to measure what the second brings). */
    private static final boolean PARALLEL = !"false".equals(System.getProperty("eventscope.parallelDecode"));
    private final Timeline timeline;
    private final ColumnWriter columns;
    private final boolean plainScan;
    private final boolean twoThreads;
    /** The loading thread's decoder (the second thread has its own). */
    private final PayloadDecoder decoder;
    /** Writes what the loading thread decoded, flags included. */
    private final DecodedFields.Sink sink;
    /** Null when the projection names no event id; else checked in position order. */
    private final RepeatedEvents repeats;
    private OverlappedDecoding overlapped;

    BatchDecoding(Timeline timeline, ColumnWriter columns, boolean twoThreads, boolean plainScan,
                  RepeatedEvents repeats) {
        this.timeline = timeline;
        this.repeats = repeats;
        this.columns = columns;
        this.plainScan = plainScan;
        this.twoThreads = twoThreads && PARALLEL && Runtime.getRuntime().availableProcessors() > 1;
        this.decoder = newDecoder();
        this.sink = (index, fields) -> {
            if (repeats != null) {
                repeats.check(timeline, index, fields);
            }
            columns.write(index, fields);
            if (!fields.flags.isEmpty()) {
                columns.flag(index, fields.flags);
            }
        };
    }

    private PayloadDecoder newDecoder() {
        return new PayloadDecoder(timeline.mapping(), timeline.types, timeline.entities, timeline.textValues, plainScan);
    }

    /** Whether a batch of {@code count} positions goes to two threads (it may still be decoding after {@link #decode}). */
    boolean overlaps(int count) {
        return twoThreads && count >= PARALLEL_MIN;
    }

    /**
     * Decodes positions {@code first..first+count-1}, already stored. When {@link #overlaps}, returns while
     * they may still be decoding (what {@code batch} reads must stay untouched until the next call or
     * {@link #await}); else they are decoded and visible on return.
     */
    void decode(OverlappedDecoding.Batch batch, int first, int count) {
        if (overlaps(count)) {
            if (overlapped == null) {
                overlapped = new OverlappedDecoding(timeline, columns, decoder, newDecoder(), repeats);
            }
            overlapped.decode(batch, count, first);
        } else {
            await(); // the batch before is published first
            batch.decode(decoder, first, first + count, sink);
            timeline.publish(first + count);
        }
    }

    /** Waits until the batch in flight, if any, is decoded and visible. */
    void await() {
        if (overlapped != null) {
            overlapped.await();
        }
    }

    /** Lines that had to be parsed on their own (odd or bad lines). */
    long linesDecodedAlone() {
        return decoder.linesDecodedAlone() + (overlapped == null ? 0 : overlapped.workerLinesDecodedAlone());
    }
}
