package io.eventscope.replay;

import java.util.Arrays;

/**
 * Every entity's state just before a held window's first position, folded from the positions a
 * windowed load streamed and dropped ({@link RunningFold#prior()}). A {@link ReplayEngine} seeded with
 * it starts from this state instead of zero, so balances inside the window are those of the whole
 * history. Entity and text ids are the window timeline's (the same interners ran on).
 */
public final class PriorState {
    private final StateTable table;

    PriorState(StateTable folded) {
        this.table = folded.copy(folded.capacity());
    }

    /** Positions folded in: the window's first position less one. */
    public int positions() {
        return table.position;
    }

    /** Flagged events among them (skipped by the fold; counted as the whole history counts them). */
    public int flagged() {
        return table.flagged;
    }

    /**
     * A table at the window's position 0: the folded state, with each entity's last position set to 0
     * ("before the window"), since window positions restart at 1.
     */
    StateTable atWindowStart() {
        StateTable start = table.copy(table.capacity());
        start.position = 0;
        Arrays.fill(start.lastPosition, 0);
        return start;
    }
}
