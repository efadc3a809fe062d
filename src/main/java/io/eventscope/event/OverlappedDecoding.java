package io.eventscope.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Decodes large batches of lines on two threads, overlapped with reading: the loading thread decodes
 * the head of a batch, a pool thread the tail, and the loading thread goes on to read and store the
 * next batch while the tail is still being decoded. A batch is published only once both parts are done,
 * in order, so readers never see an undecoded position.
 *
 * <p>The share of the loading thread adapts: it also reads, splits and stores, so it takes as much of
 * the decoding as balances both threads by the costs measured on the batches before (a busy machine
 * that starves the pool thread moves the work back to the loading thread).
 * The head and tail meet on a 64-event boundary so that they never write the same word of the bit
 * columns; the previous batch is always complete before the next one's bits are touched.
 */
final class OverlappedDecoding {
    /**
     * Reused daemon threads for the tails. Not the common pool: on a two-core machine its parallelism is
     * one, and CompletableFuture then starts a new thread for every task.
     */
    private static final ExecutorService TAIL_THREADS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "eventscope-decoder");
        t.setDaemon(true);
        return t;
    });

    private final Timeline timeline;
    private final PayloadDecoder head;
    private final PayloadDecoder tail;
    private final List<Map.Entry<Integer, List<Flag>>> headFlags = new ArrayList<>();
    private final List<Map.Entry<Integer, List<Flag>>> tailFlags = new ArrayList<>();
    private double headShare = 0.3;
    // Smoothed costs in nanos: per line decoded by each thread, and per batch of the loading thread's
    // own work between batches (reading, splitting, storing).
    private double headLineNanos;
    private double tailLineNanos;
    private double betweenNanos;
    private long returnedAt;
    private volatile long tailNanos;
    private CompletableFuture<Void> pending;
    private int pendingTailStart;
    private int pendingEnd;

    OverlappedDecoding(Timeline timeline, PayloadDecoder head, PayloadDecoder tail) {
        this.timeline = timeline;
        this.head = head;
        this.tail = tail;
    }

    /**
     * Decodes lines {@code [0, count)} into positions {@code first..}; returns with the tail possibly
     * still decoding from {@code buf}, which the caller must leave untouched until the next call or
     * {@link #await}. {@code starts} and {@code ends} may be reused at once.
     */
    void decode(byte[] buf, int[] starts, int[] ends, int count, int first) {
        long entered = System.nanoTime();
        if (returnedAt != 0) {
            betweenNanos = smooth(betweenNanos, entered - returnedAt);
        }
        int tailLines = pending == null ? 0 : pendingEnd - pendingTailStart;
        await();
        if (tailLines > 0) {
            tailLineNanos = smooth(tailLineNanos, (double) tailNanos / tailLines);
        }
        chooseHeadShare(count);
        int split = ((first + (int) (count * headShare) + 63) & ~63) - first;
        long headStart = System.nanoTime();
        if (split <= 0 || split >= count) {
            head.decodeLines(buf, starts, ends, 0, count, first, this::headFlag);
            applyFlagsAndPublish(first + count, first + count);
        } else {
            int[] tailStarts = Arrays.copyOfRange(starts, 0, count);
            int[] tailEnds = Arrays.copyOfRange(ends, 0, count);
            pendingTailStart = first + split;
            pendingEnd = first + count;
            pending = CompletableFuture.runAsync(() -> {
                long t0 = System.nanoTime();
                tail.decodeLines(buf, tailStarts, tailEnds, split, count, first,
                        (i, f) -> tailFlags.add(Map.entry(i, List.copyOf(f))));
                tailNanos = System.nanoTime() - t0;
            }, TAIL_THREADS);
            head.decodeLines(buf, starts, ends, 0, split, first, this::headFlag);
        }
        int headLines = Math.min(split, count);
        returnedAt = System.nanoTime();
        if (headLines > 0) {
            headLineNanos = smooth(headLineNanos, (double) (returnedAt - headStart) / headLines);
        }
    }

    /**
     * Balances the next batch of {@code count} lines: the loading thread's own work between batches plus
     * its head should take as long as the tail, {@code between + x·n·head = (1 − x)·n·tail}.
     */
    private void chooseHeadShare(int count) {
        if (headLineNanos > 0 && tailLineNanos > 0) {
            double x = (count * tailLineNanos - betweenNanos) / (count * (headLineNanos + tailLineNanos));
            headShare = Math.max(0.05, Math.min(0.95, x));
        }
    }

    private static double smooth(double average, double sample) {
        return average == 0 ? sample : average * 0.7 + sample * 0.3;
    }

    long tailLinesDecodedAlone() {
        return tail.linesDecodedAlone();
    }

    private void headFlag(int index, List<Flag> flags) {
        headFlags.add(Map.entry(index, List.copyOf(flags)));
    }

    /** Waits for the batch in flight, if any, and publishes it. */
    void await() {
        if (pending == null) {
            return;
        }
        try {
            pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            pending = null;
        }
        applyFlagsAndPublish(pendingTailStart, pendingEnd);
    }

    private void applyFlagsAndPublish(int tailStart, int end) {
        headFlags.forEach(e -> timeline.markFlagged(e.getKey(), e.getValue()));
        tailFlags.forEach(e -> timeline.markFlagged(e.getKey(), e.getValue()));
        headFlags.clear();
        tailFlags.clear();
        // The tail's leading events without any time carry the time of the head's last event.
        for (int i = tailStart; i < end && i > 0; i++) {
            if (timeline.hasEventTime(i) || timeline.brokerTimeAt(i) != EventTimes.NONE) {
                break;
            }
            timeline.effectiveTime[i] = timeline.effectiveTime[i - 1];
        }
        timeline.publish(end);
    }
}
