package io.eventscope.event;

import java.util.Arrays;
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
    private final BatchDecoding decoding;
    private final HeaderBlock headerBlock = new HeaderBlock();
    private final RoomCheck room;
    /** Staged messages are handed to decoding at the latest when this many are waiting. */
    static final int STAGE_MAX = 4096;
    @SuppressWarnings("unchecked")
    private final List<Flag>[] stagedFlags = new List[STAGE_MAX];
    /** Positions {@code [next - staged, next)} are stored, not yet decoding ({@link #stage}). */
    private int staged;
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
        this.columns = new ColumnWriter(timeline);
        this.decoding = new BatchDecoding(timeline, columns, twoThreads, plainScan);
        this.next = timeline.size();
        this.room = new RoomCheck(timeline, budgetBytes);
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
            room.restart();
        }
    }

    public long budgetBytes() {
        return room.budgetBytes();
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
        return decoding.linesDecodedAlone();
    }

    private void requireRoom(int length) {
        if (!room.fitsOne(next, length)) {
            awaitDecoded(); // what was appended before stays, visible
            throw new TimelineFullException(next, room.budgetBytes());
        }
    }

    /**
     * A hint that the timeline will hold about {@code events} positions (callers may refine it as they
     * read): the columns are sized once, with a little room, instead of growing step by step, unless
     * that would take more than half of the memory budget.
     */
    public void expect(long events) {
        if (burst > 0 || events <= timeline.capacity() || events >= Integer.MAX_VALUE / 2) {
            return;
        }
        long wanted = events + events / 16; // so that the estimate can drift up a little without another copy
        long perEvent = Math.max(1, timeline.columnBytes() / Math.max(1, timeline.capacity()));
        if (wanted * perEvent * 2 <= room.budgetBytes()) {
            awaitDecoded(); // resizing replaces the columns
            columns.reserve((int) wanted);
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
        if (!room.fits(next, count, (long) ends[count - 1] - starts[0])) {
            awaitDecoded();
            for (int k = 0; k < count; k++) { // near the budget: go line by line to stop at the exact line
                appendLine(buf, starts[k], ends[k] - starts[k]);
            }
            return;
        }
        int first = next;
        boolean overlap = decoding.overlaps(count);
        if (!overlap || first + count > timeline.capacity()) {
            awaitDecoded(); // growth replaces the columns: nothing may still be decoding into them
        }
        for (int k = 0; k < count; k++) {
            columns.storeLine(first + k, buf, starts[k], ends[k] - starts[k]);
        }
        next = first + count;
        // Decoding may outlast this call, and the caller may reuse starts and ends at once.
        int[] s = overlap ? Arrays.copyOf(starts, count) : starts;
        int[] e = overlap ? Arrays.copyOf(ends, count) : ends;
        decoding.decode((d, from, to, sink) -> d.decodeLines(buf, s, e, from - first, to - first, first, sink),
                first, count);
    }

    /**
     * Waits until every appended line or message is decoded and visible to readers. With two threads, a
     * large batch of {@link #appendLines} may still be decoding from its buffer when the call returns (so
     * that reading the next buffer overlaps it); callers alternate two buffers and call this when they
     * stop. Staged messages ({@link #stage}) are decoded first.
     */
    public void awaitDecoded() {
        decodeStaged();
        decoding.await();
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
        DecodedFields fields = decoding.decoder().decode(timeline.payloads.chunkOf(ref), ByteArena.offset(ref), length, sourceFlags,
                headers);
        columns.write(i, fields);
        columns.clearFlagged(i);
        if (!fields.flags.isEmpty()) {
            columns.flag(i, fields.flags);
        }
        next = i + 1;
        timeline.publish(next);
        return next;
    }

    /**
     * Appends one message as {@link #append} does, but decodes it later, with the messages staged around it:
     * at the latest when {@value #STAGE_MAX} are waiting, or at {@link #decodeStaged} or {@link #awaitDecoded}.
     * A large batch is then decoded on two threads, overlapped with storing the next one, as file lines are.
     * The message and its headers are copied at once. Returns its position; it is visible once decoded.
     */
    public int stage(byte[] buf, int offset, int length, String partition, long sequence, long brokerTime,
                     HeaderBlock headers, List<Flag> sourceFlags) {
        foldBurstBefore(1);
        int i = next;
        requireRoom(length);
        if (i >= timeline.capacity()) {
            decoding.await(); // growth replaces the columns the other thread may be writing
        }
        columns.storeMessage(i, buf, offset, length, partition, sequence, brokerTime, headers);
        columns.clearFlagged(i);
        stagedFlags[staged++] = sourceFlags;
        next = i + 1;
        if (staged == STAGE_MAX) {
            decodeStaged();
        }
        return next;
    }

    /**
     * Hands the staged messages to decoding: on two threads when there are enough of them (they become
     * visible at the next batch or {@link #awaitDecoded}), else at once on this thread.
     */
    public void decodeStaged() {
        int count = staged;
        if (count == 0) {
            return;
        }
        staged = 0;
        int first = next - count;
        decoding.decode(new StoredMessages(timeline, first, Arrays.copyOf(stagedFlags, count)), first, count);
    }
}
