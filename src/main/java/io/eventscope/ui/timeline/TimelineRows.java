package io.eventscope.ui.timeline;

import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The table's rows as positions only: either every position 1..size (no filter, timeline order) or an
 * explicit array of positions (filtered and/or sorted). Rows are materialised by the cells, from the
 * columnar timeline, only for what is visible; a million rows cost four bytes each at most.
 */
public final class TimelineRows extends ObservableListBase<Integer> {
    private int[] view; // null = identity over 1..size
    private int size;

    @Override
    public Integer get(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        return view == null ? Positions.of(row) : view[row];
    }

    @Override
    public int size() {
        return size;
    }

    /** True while rows are all positions in order (then row = position - 1). */
    public boolean identity() {
        return view == null;
    }

    /** Shows every position 1..n in order; growing only appends rows (one change per batch). */
    public void showAll(int n) {
        if (view == null && n >= size) {
            if (n > size) {
                int old = size;
                size = n;
                beginChange();
                nextAdd(old, n);
                endChange();
            }
            return;
        }
        replace(null, n);
    }

    /** Shows exactly {@code positions}, in that order. */
    public void show(int[] positions) {
        replace(positions, positions.length);
    }

    /** Row showing {@code position}, or -1 when it is not shown. */
    public int rowOf(int position) {
        if (view == null) {
            return position >= 1 && position <= size ? Positions.index(position) : -1;
        }
        for (int r = 0; r < size; r++) {
            if (view[r] == position) {
                return r;
            }
        }
        return -1;
    }

    private void replace(int[] positions, int n) {
        int[] oldView = view;
        int oldSize = size;
        view = positions;
        size = n;
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, removedView(oldView, oldSize));
        }
        if (n > 0) {
            nextAdd(0, n);
        }
        endChange();
    }

    /** The removed rows as a view over the old array, so a large replace copies nothing. */
    private static List<Integer> removedView(int[] oldView, int oldSize) {
        return new AbstractList<>() {
            @Override
            public Integer get(int i) {
                return oldView == null ? Positions.of(i) : oldView[i];
            }

            @Override
            public int size() {
                return oldSize;
            }
        };
    }
}
