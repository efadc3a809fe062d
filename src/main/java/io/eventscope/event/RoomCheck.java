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

    /** The exception that says the {@code held} positions are all that fit. */
    TimelineFullException full(int held) {
        return new TimelineFullException(held, budgetBytes);
    }

    /**
     * Presizes for about {@code events} positions, {@code stored} being stored so far, when it pays: for a
     * kept timeline the columns and the id table, but only when the whole load is forecast to fit the budget;
     * for a streamed read the id table (within its limit, a sixth of the budget). Room sized for events that
     * never come is taken from the payloads of those that do (a 96 MiB budget kept 150,369 of the 1M demo log's
     * events when both were presized for all of it, 455,947 now). Returns the positions to size the columns for
     * (with a little room, so that the estimate can drift up without another copy), or 0.
     */
    int reservation(long events, int stored, boolean streamed) {
        if (streamed) {
            expectIds(events); // sized once for every id: growing by half rehashed them all about three times
            return 0;
        }
        if (events >= Integer.MAX_VALUE / 2) {
            return 0;
        }
        long wanted = events + events / 16;
        long perEvent = Math.max(1, timeline.columnBytes() / Math.max(1, timeline.capacity()));
        long payloads = stored == 0 ? 0 : timeline.payloads.usedBytes() / stored * wanted;
        if (MemoryBudget.forecastBytes(perEvent, wanted, payloads, repeats != null) > budgetBytes) {
            return 0; // grown as events come, up to where the budget stops the load
        }
        expectIds(events);
        return events <= timeline.capacity() ? 0 : (int) wanted;
    }

    /** A streaming writer's id table keeps a payload print per id (4 bytes more a slot): {@link RepeatedEvents#keepPrints}. */
    void keepPrints() {
        if (repeats != null) {
            repeats.keepPrints();
        }
    }

    private void expectIds(long events) {
        if (repeats != null) {
            repeats.expect(events);
        }
    }

    /** The held positions were dropped (a streaming burst): the look-ahead starts again. */
    void restart() {
        uncheckedLeft = 0;
    }
}
