package io.eventscope.cli;

import io.eventscope.event.Timeline;

/**
 * The positions {@code events} prints ({@code --from}, {@code --limit}), passed to it in order as a
 * source is read: a streamed timeline burst by burst, or a whole one that a live tail appends to. Each
 * position up to the window's end is folded by the change columns' walk (so balances are right from the
 * first position on) and, inside the window, printed.
 */
final class EventsWindow {
    private final int from;
    /** The window's last position (0 when --from is below 1: nothing is printed). */
    private final long last;
    private final EventRows rows;
    private final ChangeColumns changes;
    /** Positions folded and, in the window, printed. */
    private int passed;
    /** Positions the source has given so far. */
    private volatile int seen;
    private boolean headed;

    /** @param changes the change columns {@code rows} writes, or null */
    EventsWindow(int from, Integer limit, EventRows rows, ChangeColumns changes) {
        this.from = from;
        this.last = from < 1 ? 0 : limit == null ? Long.MAX_VALUE : (long) from - 1 + limit;
        this.rows = rows;
        this.changes = changes;
    }

    /** Passes the positions {@code timeline} holds below index {@code end} that were not passed yet. */
    void pass(Timeline timeline, int end) {
        int base = timeline.discarded();
        for (int i = passed - base; i < end && passed < last; i++) {
            if (changes != null) {
                changes.next();
            }
            passed++;
            if (passed >= from) {
                header();
                rows.row(timeline.eventAt(i));
            }
        }
        seen = base + end;
    }

    /** Whether every position the window asks for has been printed, and --from is known to be in range. */
    boolean filled() {
        return from >= 1 && seen >= Math.max(from, last);
    }

    /** Whether no more positions are wanted (the rest of a live tail is not printed). */
    boolean closed() {
        return passed >= last;
    }

    /** The CSV header, once (before the first row, else when the window is known to be empty). */
    void header() {
        if (!headed) {
            headed = true;
            rows.header();
        }
    }

    /**
     * @param size the positions the source has (or the loaded timeline holds)
     * @throws UserError when --from is outside them
     */
    void check(int size) {
        if (from < 1 || (from > size && size > 0) || (size == 0 && from != 1)) {
            throw new UserError("--from " + from + " is beyond the end: the timeline has " + size
                    + " positions (use 1.." + Math.max(size, 1) + ").");
        }
    }
}
