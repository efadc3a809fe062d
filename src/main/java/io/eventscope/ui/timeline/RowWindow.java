package io.eventscope.ui.timeline;

/**
 * Which slice of the logical rows the table actually holds. JavaFX 21's VirtualFlow walks cell sizes
 * linearly up to the scroll position, so a table scrolled deep into a million items pays for every
 * row above it on each layout; holding a bounded window keeps that cost constant. Pure logic: logical
 * rows are 0-based indexes into the full row list, window indexes are 0-based into the slice.
 */
public final class RowWindow {
    private final int capacity;
    private final int margin;
    private int total;
    private int start;

    /**
     * @param capacity most rows held at once
     * @param margin   rows kept beyond what is visible before the window moves; below capacity / 2
     */
    public RowWindow(int capacity, int margin) {
        if (capacity < 1 || margin < 0 || 2 * margin >= capacity) {
            throw new IllegalArgumentException("capacity " + capacity + " margin " + margin);
        }
        this.capacity = capacity;
        this.margin = margin;
    }

    /** An independent copy, to ask "would this move?" without moving. */
    public RowWindow copy() {
        RowWindow c = new RowWindow(capacity, margin);
        c.total = total;
        c.start = start;
        return c;
    }

    public int capacity() {
        return capacity;
    }

    public int total() {
        return total;
    }

    public int start() {
        return start;
    }

    /** Rows the window holds now. */
    public int length() {
        return Math.max(0, Math.min(capacity, total - start));
    }

    /** The logical row count changed; the window stays put unless it would lie past the end. */
    public void setTotal(int n) {
        total = Math.max(0, n);
        start = Math.min(start, Math.max(0, total - capacity));
    }

    /** Window index of a logical row, or -1 when the window does not hold it. */
    public int indexOf(int row) {
        return row >= start && row < start + length() ? row - start : -1;
    }

    public int rowAt(int index) {
        return start + index;
    }

    /**
     * Moves the window, if needed, so that logical rows [first, first + visible) lie inside it with the
     * margin on both sides (or reach the list's ends).
     *
     * @return true when the window moved
     */
    public boolean cover(int first, int visible) {
        int end = start + length();
        boolean topOk = first >= start && (first - start >= margin || start == 0);
        boolean bottomOk = first + visible <= end && (end - (first + visible) >= margin || end == total);
        if (topOk && bottomOk) {
            return false;
        }
        int wanted = first + visible / 2 - capacity / 2;
        int newStart = Math.max(0, Math.min(wanted, total - capacity));
        boolean moved = newStart != start;
        start = newStart;
        return moved;
    }
}
