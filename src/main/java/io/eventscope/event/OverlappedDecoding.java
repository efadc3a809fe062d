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
 * than one chunk whatever the machine's load. A batch is published only when all its chunks are done, in order, so
 * readers never see an undecoded position.
 *
 * <p>Chunks start on multiples of 512 positions, so two threads never write the same word of the bit
 * columns; a batch is complete before the next one's decoding starts.
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

    private final Timeline timeline;
    private final ColumnWriter columns;
    private final PayloadDecoder loaderDecoder;
    private final PayloadDecoder workerDecoder;
    /** Null when the projection names no event id; else checked in position order as the batch is published. */
    private final RepeatedEvents repeats;
    /** Id hash of each good event of the batch in flight (0 for none), by index from {@code first}. */
    private long[] idHashes = new long[0];
    /** Payload print of each of those events (taken on the decoding threads, so not on the loading one). */
    private int[] prints = new int[0];

    // The batch in flight.
    private Batch batch;
    private int count;
    private int first;
    private int chunks;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicInteger chunksDone = new AtomicInteger();
    /** Repeats found in the batch in flight, by position (flagged by the loading thread as it publishes). */
    private List<Map.Entry<Integer, Flag>> repeatsFound = List.of();
    private List<List<Map.Entry<Integer, List<Flag>>>> chunkFlags = new ArrayList<>();
    private CompletableFuture<Void> worker;

    OverlappedDecoding(Timeline timeline, ColumnWriter columns, PayloadDecoder loaderDecoder,
                       PayloadDecoder workerDecoder, RepeatedEvents repeats) {
        this.timeline = timeline;
        this.columns = columns;
        this.loaderDecoder = loaderDecoder;
        this.workerDecoder = workerDecoder;
        this.repeats = repeats;
    }

    /**
     * Completes the previous batch, then starts decoding positions {@code first..first+count-1} of
     * {@code batch} and returns: what the batch reads must stay untouched until the next call or {@link #await}.
     */
    void decode(Batch batch, int count, int first) {
        await();
        this.batch = batch;
        this.count = count;
        this.first = first;
        if (repeats != null && idHashes.length < count) {
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
        chunksDone.set(0);
        repeatsFound = List.of();
        worker = CompletableFuture.runAsync(() -> takeChunks(workerDecoder), WORKERS);
    }

    long workerLinesDecodedAlone() {
        return workerDecoder.linesDecodedAlone();
    }

    /** Decodes chunks of the batch in flight until none is left. */
    private void takeChunks(PayloadDecoder decoder) {
        int c;
        while ((c = nextChunk.getAndIncrement()) < chunks) {
            List<Map.Entry<Integer, List<Flag>>> flags = new ArrayList<>(0);
            batch.decode(decoder, boundary(c), boundary(c + 1), (i, f) -> {
                columns.write(i, f);
                if (!f.flags.isEmpty()) {
                    flags.add(Map.entry(i, List.copyOf(f.flags)));
                } else if (repeats != null) {
                    idHashes[i - first] = f.idHash;
                    prints[i - first] = f.idHash == 0 || !repeats.printsKept() ? 0 : RepeatedEvents.print(timeline, i);
                }
            });
            chunkFlags.set(c, flags);
            if (repeats != null && chunksDone.incrementAndGet() == chunks) {
                // Whichever thread decoded the last chunk checks the ids, in order: most often the pool thread,
                // while the loading thread reads the next batch (it was the loading thread's longest step).
                repeatsFound = repeatsIn();
            }
        }
    }

    /** Finishes the batch in flight, if any, with the worker, and publishes it. */
    void await() {
        if (worker == null) {
            return;
        }
        try {
            takeChunks(loaderDecoder);
            worker.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            worker = null;
        }
        publish();
    }

    /** The position where chunk {@code c} of the batch in flight starts (or the batch ends, for c = chunks). */
    private int boundary(int c) {
        int base = first - first % CHUNK;
        return Math.max(first, Math.min(first + count, base + c * CHUNK));
    }

    /** The repeats among the batch's good events, in position order (each decoding thread only noted the ids). */
    private List<Map.Entry<Integer, Flag>> repeatsIn() {
        List<Map.Entry<Integer, Flag>> found = new ArrayList<>(0);
        for (int c = 0; c < chunks; c++) {
            int from = boundary(c);
            int to = boundary(c + 1);
            repeats.warm(idHashes, from - first, to - first);
            for (int i = from; i < to; i++) {
                long id = idHashes[i - first];
                if (id != 0) {
                    idHashes[i - first] = 0;
                    Flag repeat = repeats.check(id, prints[i - first], timeline.discarded + i + 1);
                    if (repeat != null) {
                        found.add(Map.entry(i, repeat));
                    }
                }
            }
        }
        return found;
    }

    private void publish() {
        repeatsFound.forEach(e -> columns.flag(e.getKey(), List.of(e.getValue())));
        for (int c = 0; c < chunks; c++) {
            chunkFlags.get(c).forEach(e -> columns.flag(e.getKey(), e.getValue()));
            if (c > 0) {
                columns.carryTime(boundary(c), boundary(c + 1));
            }
        }
        batch = null;
        timeline.publish(first + count);
    }
}
