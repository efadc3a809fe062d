package io.eventscope.event;

/**
 * The memory budget of one {@link TimelineWriter}: whether more events fit, counting the columns as they
 * will be after their next growth, the payload chunks, and room for checkpoints.
 */
final class RoomCheck {
    private static final int LOOKAHEAD_EVENTS = 256;
    private static final int LOOKAHEAD_BYTES = 4096;
    private final Timeline timeline;
    private final long budgetBytes;
    /** The id table of repeated-event checks (null: none), which grows with the events and counts too. */
    private final RepeatedEvents repeats;
    private int uncheckedLeft;
    /** While a held window's history streams by (a burst at a time) nothing is kept, so nothing is checked. */
    boolean streaming;

    RoomCheck(Timeline timeline, long budgetBytes, RepeatedEvents repeats) {
        this.timeline = timeline;
        this.repeats = repeats;
        this.budgetBytes = budgetBytes;
    }

    long budgetBytes() {
        return budgetBytes;
    }

    /** Whether {@code events} more events of {@code bytes} payload fit after the {@code held} positions. */
    boolean fits(int held, int events, long bytes) {
        if (streaming) {
            return true;
        }
        long projected = timeline.columnBytes() * 3 / 2 + timeline.payloads.retainedAfter(bytes)
                + (long) (held + events) * MemoryBudget.CHECKPOINT_BYTES_PER_EVENT
                + (repeats == null ? 0 : repeats.bytes());
        return projected <= budgetBytes;
    }

    /** Whether one more message of {@code length} bytes fits after the {@code held} positions. */
    boolean fitsOne(int held, int length) {
        // Measuring the columns costs more than appending a small message, so look ahead: when the next
        // 256 messages of up to 4 KiB surely fit, skip the check for them (bigger ones are checked alone).
        if (length <= LOOKAHEAD_BYTES && uncheckedLeft > 0) {
            uncheckedLeft--;
            return true;
        }
        if (length <= LOOKAHEAD_BYTES && fits(held, LOOKAHEAD_EVENTS, (long) LOOKAHEAD_EVENTS * LOOKAHEAD_BYTES)) {
            uncheckedLeft = LOOKAHEAD_EVENTS - 1;
            return true;
        }
        uncheckedLeft = 0;
        return fits(held, 1, length);
    }

    /** Presizes the repeated-id table for about {@code events} ids (none when the projection names no id). */
    void expectIds(long events) {
        if (repeats != null) {
            repeats.expect(events);
        }
    }

    /** The exception that says the {@code held} positions are all that fit. */
    TimelineFullException full(int held) {
        return new TimelineFullException(held, budgetBytes);
    }

    /**
     * How many positions to size the columns for when about {@code events} are expected (with a little
     * room, so that the estimate can drift up without another copy), or 0 when that would take more than
     * half of the budget.
     */
    int reservation(long events) {
        if (events <= timeline.capacity() || events >= Integer.MAX_VALUE / 2) {
            return 0;
        }
        long wanted = events + events / 16;
        long perEvent = Math.max(1, timeline.columnBytes() / Math.max(1, timeline.capacity()));
        return wanted * perEvent * 2 <= budgetBytes ? (int) wanted : 0;
    }

    /** The held positions were dropped (a streaming burst): the look-ahead starts again. */
    void restart() {
        uncheckedLeft = 0;
    }
}
