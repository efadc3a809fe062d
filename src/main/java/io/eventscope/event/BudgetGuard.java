package io.eventscope.event;

/**
 * The memory budget check of a {@link TimelineWriter}: whether more events still fit, counting the
 * columns as they will be after their next growth, the payload chunks, and room for checkpoints.
 */
final class BudgetGuard {
    private static final int LOOKAHEAD_EVENTS = 256;
    private static final int LOOKAHEAD_BYTES = 4096;
    private final Timeline timeline;
    private final long budgetBytes;
    private int uncheckedLeft;
    /** While a held window's history streams by (a burst at a time) nothing is kept, so nothing is checked. */
    boolean streaming;

    BudgetGuard(Timeline timeline, long budgetBytes) {
        this.timeline = timeline;
        this.budgetBytes = budgetBytes;
    }

    long budgetBytes() {
        return budgetBytes;
    }

    /** Whether {@code events} more events of {@code bytes} payload fit beside the {@code held} ones. */
    boolean fits(int held, int events, long bytes) {
        if (streaming) {
            return true;
        }
        long projected = timeline.columnBytes() * 3 / 2 + timeline.payloads.retainedAfter(bytes)
                + (long) (held + events) * MemoryBudget.CHECKPOINT_BYTES_PER_EVENT;
        return projected <= budgetBytes;
    }

    /** Forgets the look-ahead (the held events were dropped or checked one by one). */
    void reset() {
        uncheckedLeft = 0;
    }

    /** Throws {@link TimelineFullException} when one more message of {@code length} bytes would not fit. */
    void require(int held, int length) {
        // Measuring the columns costs more than appending a small message, so look ahead: when the next
        // 256 messages of up to 4 KiB surely fit, skip the check for them (bigger ones are checked alone).
        if (length <= LOOKAHEAD_BYTES && uncheckedLeft > 0) {
            uncheckedLeft--;
            return;
        }
        if (length <= LOOKAHEAD_BYTES && fits(held, LOOKAHEAD_EVENTS, (long) LOOKAHEAD_EVENTS * LOOKAHEAD_BYTES)) {
            uncheckedLeft = LOOKAHEAD_EVENTS - 1;
            return;
        }
        uncheckedLeft = 0;
        if (!fits(held, 1, length)) {
            throw new TimelineFullException(held, budgetBytes);
        }
    }
}
