package io.eventscope.ui.timeline;

/**
 * The one conversion between a 1-based timeline position (what users see, "#1") and a 0-based index
 * (into the timeline's columns, and a row of the table while rows follow the timeline in order).
 */
final class Positions {
    private Positions() {
    }

    /** The 0-based index of 1-based {@code position}. */
    static int index(int position) {
        return position - 1;
    }

    /** The 1-based position at 0-based {@code index}. */
    static int of(int index) {
        return index + 1;
    }
}
