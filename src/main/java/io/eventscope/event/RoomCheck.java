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
    private int uncheckedLeft;

    RoomCheck(Timeline timeline, long budgetBytes) {
        this.timeline = timeline;
        this.budgetBytes = budgetBytes;
    }

    long budgetBytes() {
        return budgetBytes;
    }

    /** Whether {@code events} more events of {@code bytes} payload fit after the {@code held} positions. */
    boolean fits(int held, int events, long bytes) {
        long projected = timeline.columnBytes() * 3 / 2 + timeline.payloads.retainedAfter(bytes)
                + (long) (held + events) * MemoryBudget.CHECKPOINT_BYTES_PER_EVENT;
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

    /** The held positions were dropped (a streaming burst): the look-ahead starts again. */
    void restart() {
        uncheckedLeft = 0;
    }
}
