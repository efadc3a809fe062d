package io.eventscope.event;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.List;
import java.util.Map;

/**
 * The single writer of a {@link Timeline}: stores each raw message once, decodes it, records its
 * coordinates and flags, and publishes it. Every message becomes a position, bad ones included.
 */
public final class TimelineWriter {
    private final Timeline timeline;
    private final PayloadDecoder decoder;
    private final List<Flag> scratch = new ArrayList<>(4);
    private final HeaderBlock headerBlock = new HeaderBlock();
    /** Batches of at least this many lines are decoded on two threads. */
    static final int PARALLEL_MIN_LINES = 2048;
    /** {@code -Deventscope.parallelDecode=false} decodes on one thread (to measure what the second brings). */
    private static final boolean PARALLEL = !"false".equals(System.getProperty("eventscope.parallelDecode"));
    private PayloadDecoder secondDecoder;
    private final long budgetBytes;
    private final boolean twoThreads;
    private static final int LOOKAHEAD_EVENTS = 256;
    private static final int LOOKAHEAD_BYTES = 4096;
    private int uncheckedLeft;
    private int next;

    /** A writer with the default memory budget (a share of the maximum heap). */
    public TimelineWriter(Timeline timeline) {
        this(timeline, MemoryBudget.defaultBytes());
    }

    /** A writer that stops with {@link TimelineFullException} before the timeline passes {@code budgetBytes}. */
    public TimelineWriter(Timeline timeline, long budgetBytes) {
        this(timeline, budgetBytes, true);
    }

    /**
     * @param twoThreads decode large batches on two threads; the viewer passes false so that a load
     *                   leaves a core to the FX thread on a two-core machine
     */
    public TimelineWriter(Timeline timeline, long budgetBytes, boolean twoThreads) {
        this.timeline = timeline;
        this.decoder = new PayloadDecoder(timeline);
        this.next = timeline.size();
        this.budgetBytes = budgetBytes;
        this.twoThreads = twoThreads && PARALLEL;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /**
     * Call when a load is complete: trims the columns to the events loaded. Appending afterwards (a live
     * tail) still works; the columns grow again as needed.
     */
    public void loadDone() {
        timeline.trimToSize();
    }

    /** Lines of {@link #appendLines} batches that had to be parsed on their own (odd or bad lines). */
    long linesDecodedAlone() {
        return decoder.linesDecodedAlone() + (secondDecoder == null ? 0 : secondDecoder.linesDecodedAlone());
    }

    /**
     * Refuses to go on when {@code events} more events of {@code bytes} payload would not fit: counts the
     * columns as they will be after their next growth, the payload chunks, and room for checkpoints.
     */
    private boolean fits(int events, long bytes) {
        long projected = timeline.columnBytes() * 3 / 2 + timeline.payloads.retainedAfter(bytes)
                + (long) (next + events) * MemoryBudget.CHECKPOINT_BYTES_PER_EVENT;
        return projected <= budgetBytes;
    }

    private void requireRoom(int length) {
        // Measuring the columns costs more than appending a small message, so look ahead: when the next
        // 256 messages of up to 4 KiB surely fit, skip the check for them (bigger ones are checked alone).
        if (length <= LOOKAHEAD_BYTES && uncheckedLeft > 0) {
            uncheckedLeft--;
            return;
        }
        if (length <= LOOKAHEAD_BYTES && fits(LOOKAHEAD_EVENTS, (long) LOOKAHEAD_EVENTS * LOOKAHEAD_BYTES)) {
            uncheckedLeft = LOOKAHEAD_EVENTS - 1;
            return;
        }
        uncheckedLeft = 0;
        if (!fits(1, length)) {
            throw new TimelineFullException(next, budgetBytes);
        }
    }

    public Timeline timeline() {
        return timeline;
    }

    /** For line sources: the file line number of the first appended line (default 1). */
    public void firstLine(long line) {
        if (next != 0) {
            throw new IllegalStateException("first line must be set before appending");
        }
        timeline.lineBase = line;
    }

    /**
     * Appends consecutive file lines of one buffer: line k spans {@code buf[starts[k], ends[k])}, line
     * terminators excluded, and only line breaks and carriage returns lie between lines. Faster than
     * one {@link #appendLine} per line; same result.
     */
    public void appendLines(byte[] buf, int[] starts, int[] ends, int count) {
        if (count == 0) {
            return;
        }
        if (!fits(count, (long) ends[count - 1] - starts[0])) {
            for (int k = 0; k < count; k++) { // near the budget: go line by line to stop at the exact line
                appendLine(buf, starts[k], ends[k] - starts[k]);
            }
            return;
        }
        int first = next;
        for (int k = 0; k < count; k++) {
            int i = first + k;
            timeline.ensureRoom(i);
            timeline.payloadRef[i] = timeline.payloads.add(buf, starts[k], ends[k] - starts[k]);
            clearOptionalColumns(i);
            timeline.flaggedBits[i >>> 6] &= ~(1L << i);
        }
        if (twoThreads && count >= PARALLEL_MIN_LINES && Runtime.getRuntime().availableProcessors() > 1) {
            decodeInTwo(buf, starts, ends, count, first);
        } else {
            decoder.decodeLines(buf, starts, ends, 0, count, first, timeline::markFlagged);
        }
        next = first + count;
        timeline.publish(next);
    }

    /**
     * Decodes the two halves of a large batch on two threads (decoding is most of a file load's work).
     * The halves meet on a 64-event boundary so that they never write the same word of the bit columns;
     * flags are applied afterwards in order, and the second half's leading events without any time take
     * the time carried from the first half once both are done.
     */
    private void decodeInTwo(byte[] buf, int[] starts, int[] ends, int count, int first) {
        int split = ((first + count / 2 + 63) & ~63) - first;
        if (split <= 0 || split >= count) {
            decoder.decodeLines(buf, starts, ends, 0, count, first, timeline::markFlagged);
            return;
        }
        if (secondDecoder == null) {
            secondDecoder = new PayloadDecoder(timeline);
        }
        List<Map.Entry<Integer, List<Flag>>> flagsA = new ArrayList<>();
        List<Map.Entry<Integer, List<Flag>>> flagsB = new ArrayList<>();
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> secondDecoder.decodeLines(buf, starts,
                ends, split, count, first, (i, f) -> flagsB.add(Map.entry(i, List.copyOf(f)))), ForkJoinPool.commonPool());
        decoder.decodeLines(buf, starts, ends, 0, split, first, (i, f) -> flagsA.add(Map.entry(i, List.copyOf(f))));
        other.join();
        flagsA.forEach(e -> timeline.markFlagged(e.getKey(), e.getValue()));
        flagsB.forEach(e -> timeline.markFlagged(e.getKey(), e.getValue()));
        for (int i = first + split; i < first + count; i++) {
            if (timeline.hasEventTime(i) || timeline.brokerTimeAt(i) != EventTimes.NONE) {
                break;
            }
            timeline.effectiveTime[i] = timeline.effectiveTime[i - 1];
        }
    }

    private void clearOptionalColumns(int i) {
        if (timeline.sequence != null) {
            timeline.sequence[i] = 0;
        }
        if (timeline.partition != null) {
            timeline.partition[i] = -1;
        }
        if (timeline.brokerTime != null) {
            timeline.brokerTime[i] = EventTimes.NONE;
        }
        if (timeline.headerRef != null) {
            timeline.headerRef[i] = Long.MIN_VALUE;
        }
    }

    /** Appends one file line (without its line terminator). Returns its position. */
    public int appendLine(byte[] buf, int offset, int length) {
        return append(buf, offset, length, null, 0, EventTimes.NONE, Map.of(), List.of());
    }

    /**
     * Appends one message from a stream or partition.
     *
     * @param partition   stream or partition name, or null for a single-stream source
     * @param sequence    stream sequence or partition offset
     * @param brokerTime  append time in epoch nanos, or {@link EventTimes#NONE}
     * @param headers     message headers (may be empty)
     * @param sourceFlags flags the source already knows (e.g. a dead-letter resend)
     */
    public int append(byte[] buf, int offset, int length, String partition, long sequence, long brokerTime,
                      Map<String, List<String>> headers, List<Flag> sourceFlags) {
        headerBlock.encode(headers);
        return append(buf, offset, length, partition, sequence, brokerTime, headerBlock, sourceFlags);
    }

    /** As above, with the headers already packed by the source (no map per message). */
    public int append(byte[] buf, int offset, int length, String partition, long sequence, long brokerTime,
                      HeaderBlock headers, List<Flag> sourceFlags) {
        int i = next;
        requireRoom(length);
        timeline.ensureRoom(i);
        long ref = timeline.payloads.add(buf, offset, length);
        if (timeline.sequence != null) {
            timeline.sequence[i] = sequence;
        }
        if (partition != null) {
            if (timeline.partition == null) {
                timeline.partition = new int[timeline.capacity()];
                java.util.Arrays.fill(timeline.partition, -1);
            }
            timeline.partition[i] = timeline.partitions.intern(partition);
        } else if (timeline.partition != null) {
            timeline.partition[i] = -1;
        }
        if (brokerTime != EventTimes.NONE && timeline.brokerTime == null) {
            timeline.brokerTime = Timeline.grow(new long[0], timeline.capacity(), EventTimes.NONE);
        }
        if (timeline.brokerTime != null) {
            timeline.brokerTime[i] = brokerTime;
        }
        if (!headers.isEmpty()) {
            if (timeline.headerRef == null) {
                timeline.headerRef = Timeline.grow(new long[0], timeline.capacity(), Long.MIN_VALUE);
            }
            timeline.headerRef[i] = timeline.payloads.add(headers.bytes(), 0, headers.length());
        } else if (timeline.headerRef != null) {
            timeline.headerRef[i] = Long.MIN_VALUE;
        }
        timeline.payloadRef[i] = ref;
        scratch.clear();
        scratch.addAll(sourceFlags);
        decoder.decode(timeline.payloads.chunkOf(ref), ByteArena.offset(ref), length, i, scratch);
        timeline.flaggedBits[i >>> 6] &= ~(1L << i);
        if (!scratch.isEmpty()) {
            timeline.markFlagged(i, scratch);
        }
        next = i + 1;
        timeline.publish(next);
        return next;
    }
}
