package io.eventscope.event;

import java.util.List;
import java.util.Map;

/**
 * The single writer of a {@link Timeline}: stores each raw message once, decodes it, records its
 * coordinates and flags, and publishes it. Every message becomes a position, bad ones included. Its
 * {@link ColumnWriter} writes the columns; the {@link PayloadDecoder} only reads payloads.
 */
public final class TimelineWriter {
    private final Timeline timeline;
    private final ColumnWriter columns;
    private final PayloadDecoder decoder;
    /** Writes a batch's decoded lines on the loading thread (the two-thread path has its own). */
    private final DecodedFields.Sink lineSink;
    private final HeaderBlock headerBlock = new HeaderBlock();
    /** Repeats of the event id (null: the spec names none), across load and follow; a sixth of the budget at most. */
    private final RepeatedEvents repeats;
    /** Batches of at least this many lines are decoded on two threads. */
    static final int PARALLEL_MIN_LINES = 2048;
    /** {@code -Deventscope.parallelDecode=false} decodes on one thread (to measure what the second brings). */
    private static final boolean PARALLEL = !"false".equals(System.getProperty("eventscope.parallelDecode"));
    private OverlappedDecoding overlapped;
    private final boolean plainScan;
    private final long budgetBytes;
    private final boolean twoThreads;
    private static final int LOOKAHEAD_EVENTS = 256;
    private static final int LOOKAHEAD_BYTES = 4096;
    private int uncheckedLeft;
    private int next;
    /** Streaming: positions held before the burst is folded and dropped; 0 keeps every position. */
    private int burst;
    private Runnable onBurst;

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
        this(timeline, budgetBytes, twoThreads, true);
    }

    /** @param plainScan read plain objects without Jackson (tests turn it off to compare both ways) */
    TimelineWriter(Timeline timeline, long budgetBytes, boolean twoThreads, boolean plainScan) {
        this.timeline = timeline;
        this.plainScan = plainScan;
        this.columns = new ColumnWriter(timeline);
        this.decoder = newDecoder();
        this.repeats = timeline.mapping().idFields().isEmpty() ? null
                : new RepeatedEvents(Math.min(budgetBytes, MemoryBudget.defaultBytes()) / 6);
        this.lineSink = (index, fields) -> {
            if (repeats != null) {
                repeats.check(timeline, index, fields);
            }
            columns.write(index, fields);
            if (!fields.flags.isEmpty()) {
                columns.flag(index, fields.flags);
            }
        };
        this.next = timeline.size();
        this.budgetBytes = budgetBytes;
        this.twoThreads = twoThreads && PARALLEL;
    }

    private PayloadDecoder newDecoder() {
        return new PayloadDecoder(timeline.mapping(), timeline.types, timeline.entities, timeline.textValues, plainScan);
    }

    /**
     * Makes this a streaming writer: whenever about {@code burst} positions are held, {@code fold} is
     * called (every held position decoded and visible) and then the held positions are dropped, so the
     * timeline never holds more than a burst (plus one source batch). Positions, line numbers and
     * interned names go on across bursts ({@link Timeline#discarded()}). Call before appending; the
     * caller folds what is held after the load itself.
     */
    public TimelineWriter streaming(int burst, Runnable fold) {
        if (next != 0 || burst < 1) {
            throw new IllegalStateException("streaming is set before appending, with a burst of 1 or more");
        }
        this.burst = burst;
        this.onBurst = fold;
        return this;
    }

    /**
     * Ends a streaming load once the last burst is folded: drops it and gives back the columns' and
     * payloads' room, so that an answer printed afterwards has the heap (the interned names stay).
     */
    public void streamingDone() {
        awaitDecoded();
        columns.dropHeld(next);
        next = 0;
        timeline.payloads.release();
        columns.trimToSize();
    }

    /** Folds and drops what is held when {@code count} more positions would pass the burst. */
    private void foldBurstBefore(int count) {
        if (burst > 0 && next > 0 && next + count > burst) {
            awaitDecoded();
            onBurst.run();
            columns.dropHeld(next);
            next = 0;
            uncheckedLeft = 0;
        }
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** A sentence when events were not checked for repeated ids (the id table was full), else null. */
    public String idCheckCaveat() {
        return repeats == null ? null : repeats.caveat();
    }

    /**
     * Call when a load is complete: trims the columns to the events loaded. Appending afterwards (a live
     * tail) still works; the columns grow again as needed.
     */
    public void loadDone() {
        awaitDecoded();
        columns.trimToSize();
    }

    /** Lines of {@link #appendLines} batches that had to be parsed on their own (odd or bad lines). */
    long linesDecodedAlone() {
        return decoder.linesDecodedAlone() + (overlapped == null ? 0 : overlapped.workerLinesDecodedAlone());
    }

    /**
     * Refuses to go on when {@code events} more events of {@code bytes} payload would not fit: counts the
     * columns as they will be after their next growth, the payload chunks, and room for checkpoints.
     */
    private boolean fits(int events, long bytes) {
        long projected = timeline.columnBytes() * 3 / 2 + timeline.payloads.retainedAfter(bytes)
                + (long) (next + events) * MemoryBudget.CHECKPOINT_BYTES_PER_EVENT
                + (repeats == null ? 0 : repeats.bytes());
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

    /**
     * A hint that the timeline will hold about {@code events} positions (callers may refine it as they
     * read): the columns are sized once, with a little room, instead of growing step by step, unless
     * that would take more than half of the memory budget.
     */
    public void expect(long events) {
        if (repeats != null && burst == 0) {
            repeats.expect(events);
        }
        if (burst > 0 || events <= timeline.capacity() || events >= Integer.MAX_VALUE / 2) {
            return;
        }
        long room = events + events / 16; // so that the estimate can drift up a little without another copy
        long perEvent = Math.max(1, timeline.columnBytes() / Math.max(1, timeline.capacity()));
        if (room * perEvent * 2 <= budgetBytes) {
            awaitDecoded(); // resizing replaces the columns
            columns.reserve((int) room);
        }
    }

    /**
     * Positions appended so far, including a batch that may still be decoding (and, streaming, the
     * positions already folded and dropped): the next event's position is {@code appended() + 1}.
     */
    public int appended() {
        return timeline.discarded + next;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** For line sources: the file line number of the first appended line (default 1). */
    public void firstLine(long line) {
        if (next != 0) {
            throw new IllegalStateException("first line must be set before appending");
        }
        columns.lineBase(line);
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
        foldBurstBefore(count);
        if (!fits(count, (long) ends[count - 1] - starts[0])) {
            awaitDecoded();
            for (int k = 0; k < count; k++) { // near the budget: go line by line to stop at the exact line
                appendLine(buf, starts[k], ends[k] - starts[k]);
            }
            return;
        }
        int first = next;
        boolean overlap = twoThreads && count >= PARALLEL_MIN_LINES && Runtime.getRuntime().availableProcessors() > 1;
        if (!overlap || first + count > timeline.capacity()) {
            awaitDecoded(); // growth replaces the columns: nothing may still be decoding into them
        }
        for (int k = 0; k < count; k++) {
            columns.storeLine(first + k, buf, starts[k], ends[k] - starts[k]);
        }
        next = first + count;
        if (overlap) {
            if (overlapped == null) {
                overlapped = new OverlappedDecoding(timeline, columns, decoder, newDecoder(), repeats);
            }
            overlapped.decode(buf, starts, ends, count, first);
        } else {
            decoder.decodeLines(buf, starts, ends, 0, count, first, lineSink);
            timeline.publish(next);
        }
    }

    /**
     * Waits until every appended line is decoded and visible to readers. With two threads, a large batch
     * of {@link #appendLines} may still be decoding from its buffer when the call returns (so that reading
     * the next buffer overlaps it); callers alternate two buffers and call this when they stop.
     */
    public void awaitDecoded() {
        if (overlapped != null) {
            overlapped.await();
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
        awaitDecoded();
        foldBurstBefore(1);
        int i = next;
        requireRoom(length);
        long ref = columns.storeMessage(i, buf, offset, length, partition, sequence, brokerTime, headers);
        DecodedFields fields = decoder.decode(timeline.payloads.chunkOf(ref), ByteArena.offset(ref), length, sourceFlags,
                headers);
        if (repeats != null) {
            repeats.check(timeline, i, fields);
        }
        columns.write(i, fields);
        columns.clearFlagged(i);
        if (!fields.flags.isEmpty()) {
            columns.flag(i, fields.flags);
        }
        next = i + 1;
        timeline.publish(next);
        return next;
    }
}
