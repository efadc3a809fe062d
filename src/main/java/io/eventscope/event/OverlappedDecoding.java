package io.eventscope.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes large batches (file lines, or stored broker messages) on two threads, overlapped with reading. A
 * pool thread starts on a batch at once, taking chunks of 512 positions; the loading thread meanwhile
 * reads and stores the next batch, then takes the chunks still left, so neither thread idles for more
 * than one chunk whatever the machine's load. A batch is published only when all its chunks are done and its
 * ids checked, in order, so readers never see an undecoded position.
 *
 * <p>The ids of a batch's good events are checked for repeats (in position order, always on the loading
 * thread) while the pool thread already decodes the next batch: when whichever thread finished last checked
 * them, the other one waited, about a tenth of a two-core load. So a decoding chunk may read the effective
 * time before it while that is still being settled; each chunk's leading carried times are set again when
 * its batch is published ({@link ColumnWriter#carryTime}).
 *
 * <p>Chunks start on multiples of 512 positions, so two threads never write the same word of the bit
 * columns; the pool thread writes no flag bits, which the loading thread sets as it publishes.
 */
final class OverlappedDecoding {
    private static final int CHUNK = 512;

    /** What a batch is made of, decoded a chunk at a time: positions {@code [from, to)}, each handed to the sink. */
    interface Batch {
        void decode(PayloadDecoder decoder, int from, int to, DecodedFields.Sink sink);
    }

    /**
     * Reused daemon threads. Not the common pool: on a two-core machine its parallelism is one, and
     * CompletableFuture then starts a new thread for every task.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "eventscope-decoder");
        t.setDaemon(true);
        return t;
    });

    /** One batch from its start until it is published: its chunks, the flags they found, its good events' ids. */
    private static final class InFlight {
        Batch batch;
        int first;
        int count;
        int chunks;
        final AtomicInteger nextChunk = new AtomicInteger();
        List<List<Map.Entry<Integer, List<Flag>>>> chunkFlags = new ArrayList<>();
        /** Id hash of each good event (0 for none), by index from {@code first}; zeroed again as they are checked. */
        long[] idHashes = new long[0];
        /** Payload print of each of those events (taken on the decoding threads, so not on the loading one). */
        int[] prints = new int[0];
        CompletableFuture<Void> worker;

        void start(Batch batch, int count, int first, boolean ids) {
            this.batch = batch;
            this.count = count;
            this.first = first;
            if (ids && idHashes.length < count) {
                idHashes = new long[count];
                prints = new int[count];
            }
            int base = first - first % CHUNK;
            chunks = (first + count - base + CHUNK - 1) / CHUNK;
            chunkFlags = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                chunkFlags.add(null);
            }
            nextChunk.set(0);
        }

        /** The position where chunk {@code c} starts (or the batch ends, for c = chunks). */
        int boundary(int c) {
            int base = first - first % CHUNK;
            return Math.max(first, Math.min(first + count, base + c * CHUNK));
        }
    }

    private final Timeline timeline;
    private final ColumnWriter columns;
    private final PayloadDecoder loaderDecoder;
    private final PayloadDecoder workerDecoder;
    /** Null when the projection names no event id; else checked in position order as each batch is published. */
    private final RepeatedEvents repeats;
    /** Two batches take turns: one may be published while the next decodes. */
    private final InFlight[] turns = {new InFlight(), new InFlight()};
    private int turn;
    /** The batch whose chunks may still be decoding, or null. */
    private InFlight current;

    OverlappedDecoding(Timeline timeline, ColumnWriter columns, PayloadDecoder loaderDecoder,
                       PayloadDecoder workerDecoder, RepeatedEvents repeats) {
        this.timeline = timeline;
        this.columns = columns;
        this.loaderDecoder = loaderDecoder;
        this.workerDecoder = workerDecoder;
        this.repeats = repeats;
    }

    /**
     * Finishes decoding the previous batch, starts decoding positions {@code first..first+count-1} of
     * {@code batch}, then publishes the previous one while the pool thread decodes: what {@code batch} reads
     * must stay untouched until the next call or {@link #await}.
     */
    void decode(Batch batch, int count, int first) {
        InFlight done = finishChunks();
        turn ^= 1;
        InFlight next = turns[turn];
        next.start(batch, count, first, repeats != null);
        next.worker = CompletableFuture.runAsync(() -> takeChunks(next, workerDecoder), WORKERS);
        current = next;
        if (done != null) {
            publish(done);
        }
    }

    long workerLinesDecodedAlone() {
        return workerDecoder.linesDecodedAlone();
    }

    /** Finishes the batch in flight, if any, with the worker, and publishes it. */
    void await() {
        InFlight done = finishChunks();
        if (done != null) {
            publish(done);
        }
    }

    /** Decodes the chunks of the batch in flight still left, waits for the worker's, and returns the batch (or null). */
    private InFlight finishChunks() {
        InFlight d = current;
        if (d == null) {
            return null;
        }
        try {
            takeChunks(d, loaderDecoder);
            d.worker.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            current = null;
            d.worker = null;
        }
        return d;
    }

    /** Decodes chunks of {@code d} until none is left. */
    private void takeChunks(InFlight d, PayloadDecoder decoder) {
        int c;
        while ((c = d.nextChunk.getAndIncrement()) < d.chunks) {
            List<Map.Entry<Integer, List<Flag>>> flags = new ArrayList<>(0);
            d.batch.decode(decoder, d.boundary(c), d.boundary(c + 1), (i, f) -> {
                columns.write(i, f);
                if (!f.flags.isEmpty()) {
                    flags.add(Map.entry(i, List.copyOf(f.flags)));
                } else if (repeats != null) {
                    d.idHashes[i - d.first] = f.idHash;
                    d.prints[i - d.first] = f.idHash == 0 || !repeats.printsKept() ? 0 : RepeatedEvents.print(f);
                }
            });
            d.chunkFlags.set(c, flags);
        }
    }

    /** The repeats among the batch's good events, in position order (each decoding thread only noted the ids). */
    private List<Map.Entry<Integer, Flag>> repeatsIn(InFlight d) {
        List<Map.Entry<Integer, Flag>> found = new ArrayList<>(0);
        for (int c = 0; c < d.chunks; c++) {
            int from = d.boundary(c);
            int to = d.boundary(c + 1);
            repeats.warm(d.idHashes, from - d.first, to - d.first);
            for (int i = from; i < to; i++) {
                long id = d.idHashes[i - d.first];
                if (id != 0) {
                    d.idHashes[i - d.first] = 0;
                    Flag repeat = repeats.check(id, d.prints[i - d.first], timeline.discarded + i + 1);
                    if (repeat != null) {
                        found.add(Map.entry(i, repeat));
                    }
                }
            }
        }
        return found;
    }

    /** Checks the batch's ids, marks its flags, settles its carried times and makes it visible (loading thread). */
    private void publish(InFlight d) {
        if (repeats != null) {
            repeatsIn(d).forEach(e -> columns.flag(e.getKey(), List.of(e.getValue())));
        }
        for (int c = 0; c < d.chunks; c++) {
            d.chunkFlags.get(c).forEach(e -> columns.flag(e.getKey(), e.getValue()));
            columns.carryTime(d.boundary(c), d.boundary(c + 1));
        }
        d.batch = null;
        timeline.publish(d.first + d.count);
    }
}
