package io.eventscope.event;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The single writer of a {@link Timeline}: stores each raw message once, decodes it, records its
 * coordinates and flags, and publishes it. Every message becomes a position, bad ones included. Its
 * {@link ColumnWriter} writes the columns; the {@link PayloadDecoder} only reads payloads. Not final: fault
 * tests kill a server on the loading thread at an exact message ({@code testing.KillingWriter}).
 */
public class TimelineWriter {
    private final Timeline timeline;
    private final ColumnWriter columns;
    private final BatchDecoding decoding;
    private final HeaderBlock headerBlock = new HeaderBlock();
    private final RoomCheck room;
    /** Repeats of the event id (null: the spec names none), across load and follow; a sixth of the budget at most. */
    private final RepeatedEvents repeats;
    /** Positions {@code [next - staged.count(), next)} are stored, not yet decoding ({@link #stage}). */
    private final MessageStage staged = new MessageStage();
    private int next;
    private final Bursts bursts = new Bursts();

    /** A writer with the default memory budget (a share of the maximum heap). */
    public TimelineWriter(Timeline timeline) {
        this(timeline, MemoryBudget.defaultBytes());
    }

    /** A writer that stops with {@link TimelineFullException} before the timeline passes {@code budgetBytes}. */
    public TimelineWriter(Timeline timeline, long budgetBytes) {
        this(timeline, budgetBytes, true);
    }

    /** @param twoThreads decode large batches on two threads (the viewer passes false: a core stays the FX thread's) */
    public TimelineWriter(Timeline timeline, long budgetBytes, boolean twoThreads) {
        this(timeline, budgetBytes, twoThreads, true);
    }

    /** @param plainScan read plain objects without Jackson (tests turn it off to compare both ways) */
    TimelineWriter(Timeline timeline, long budgetBytes, boolean twoThreads, boolean plainScan) {
        this.timeline = timeline;
        this.columns = new ColumnWriter(timeline);
        this.repeats = timeline.mapping().idFields().isEmpty() ? null
                : new RepeatedEvents(timeline, Math.min(budgetBytes, MemoryBudget.defaultBytes()) / 6);
        this.decoding = new BatchDecoding(timeline, columns, twoThreads, plainScan, repeats);
        this.next = timeline.size();
        this.room = new RoomCheck(timeline, budgetBytes, repeats);
    }

    /**
     * Makes this a streaming writer: whenever about {@code burst} positions are held, {@code fold} runs (all
     * decoded and visible), then they are dropped; positions, lines and interned names run on across bursts
     * ({@link Timeline#discarded()}). {@code catchUp} (may be null: {@link CatchUpReader}) also runs whenever
     * a batch starts decoding on the other thread. Call before appending; the caller folds the rest at the end.
     */
    public TimelineWriter streaming(int burst, Runnable fold, Runnable catchUp) {
        bursts.stream(next, burst, fold, catchUp);
        room.keepPrints(); // a repeat may come after its first payload was dropped
        return this;
    }

    /** For a streaming read whose readers read no payload: a file's lines are decoded where read, not copied. */
    public TimelineWriter keepNoLines() {
        columns.keepLines = false;
        return this;
    }

    /**
     * Holds only positions from {@code firstPosition} on: earlier ones stream to {@code fold} as with {@link
     * #streaming}. At the window's start the timeline is re-based so index 0 is {@code firstPosition} (lines,
     * sequences, ids and times run on: a fold of the earlier ones names the held entities), then {@code windowStarts}.
     */
    public TimelineWriter holdFrom(int firstPosition, int burst, Runnable fold, Runnable windowStarts) {
        streaming(burst, fold, null);
        bursts.hold(firstPosition, windowStarts);
        room.streaming = true;
        return this;
    }

    /** Starts holding now if {@link #holdFrom} still streams (the source ended before the window). */
    public void holdNow() {
        if (bursts.holdFrom > 0) {
            foldAndDrop();
            bursts.size = 0;
            bursts.holdFrom = 0;
            room.streaming = false;
            columns.rebase();
            bursts.windowStarts.run();
        }
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
        if (bursts.foldDue(next, count)) {
            foldAndDrop();
        }
    }

    private void foldAndDrop() {
        awaitDecoded();
        bursts.fold.run();
        columns.dropHeld(next);
        next = 0;
        room.restart();
    }

    public long budgetBytes() {
        return room.budgetBytes();
    }

    /** A sentence when events were not checked for repeated ids (the id table was full), else null. */
    public String idCheckCaveat() {
        return repeats == null ? null : repeats.caveat();
    }

    /** Call when a load is complete: trims the columns to the events loaded (a live tail may append still). */
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
            throw room.full(next);
        }
    }

    /**
     * A hint that the timeline will hold about {@code events} positions (callers may refine it): columns and id
     * table are sized once when the whole load is forecast to fit the budget; a streaming writer sizes the ids only.
     */
    public void expect(long events) {
        int wanted = room.reservation(events, next, bursts.size > 0);
        if (wanted > 0) {
            awaitDecoded(); // resizing replaces the columns
            columns.reserve(wanted);
        }
    }

    /** Positions appended so far, including a batch still decoding and (streaming) dropped ones; the next is this + 1. */
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
        int streamed = bursts.streamedBeforeWindow(appended(), count);
        if (streamed >= 0) { // the held window starts inside this batch
            appendLines(buf, starts, ends, streamed);
            holdNow();
            appendLines(buf, Arrays.copyOfRange(starts, streamed, count), Arrays.copyOfRange(ends, streamed, count),
                    count - streamed);
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
        decode((d, from, to, sink) -> d.decodeLines(buf, s, e, from - first, to - first, first, sink), first, count);
    }

    /** Starts decoding a stored batch; while it decodes on the other thread, catch-up readers read the published. */
    private void decode(OverlappedDecoding.Batch batch, int first, int count) {
        decoding.decode(batch, first, count);
        if (decoding.overlaps(count)) {
            bursts.catchUp();
        }
    }

    /**
     * Waits until every appended line or message is decoded and visible to readers. A large batch may still be
     * decoding from its buffer when {@link #appendLines} returns (reading the next one overlaps it): callers
     * alternate two buffers and call this when they stop. Staged messages are decoded first.
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
        int position = stage(buf, offset, length, partition, sequence, brokerTime, headers, sourceFlags);
        decodeStaged(); // one message: decoded and published on this thread
        return position;
    }

    /**
     * Appends one message as {@link #append} does, but decodes it later, with the messages staged around it:
     * at the latest when {@value MessageStage#MAX} are waiting, or at {@link #decodeStaged} or {@link #awaitDecoded}.
     * A large batch is then decoded on two threads, overlapped with storing the next one, as file lines are.
     * The message and its headers are copied at once. Returns its position; it is visible once decoded.
     */
    public int stage(byte[] buf, int offset, int length, String partition, long sequence, long brokerTime,
                     HeaderBlock headers, List<Flag> sourceFlags) {
        if (bursts.windowStartsAfter(appended())) {
            holdNow();
        }
        foldBurstBefore(1);
        int i = next;
        requireRoom(length);
        if (i >= timeline.capacity()) {
            decoding.await(); // growth replaces the columns the other thread may be writing
        }
        columns.storeMessage(i, buf, offset, length, partition, sequence, brokerTime, headers);
        columns.clearFlagged(i);
        next = i + 1;
        if (staged.add(sourceFlags)) {
            decodeStaged();
        }
        return next;
    }

    /**
     * Hands the staged messages to decoding: on two threads when there are enough of them (they become
     * visible at the next batch or {@link #awaitDecoded}), else at once on this thread.
     */
    public void decodeStaged() {
        int count = staged.count();
        if (count > 0) {
            decode(staged.take(timeline, next - count), next - count, count);
        }
    }
}
