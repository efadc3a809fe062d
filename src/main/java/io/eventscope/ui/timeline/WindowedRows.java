package io.eventscope.ui.timeline;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The table's items: the {@link RowWindow} slice of the logical {@link TimelineRows}. Rows appended to
 * a window that is not full are appended here too; anything else replaces the slice in one change.
 */
public final class WindowedRows extends ObservableListBase<Integer> {
    private final TimelineRows rows;
    private final RowWindow window;
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private int[] shown = new int[0];
    private boolean shifting;

    public WindowedRows(TimelineRows rows, RowWindow window) {
        this.rows = rows;
        this.window = window;
        rows.addListener((ListChangeListener<Integer>) this::rowsChanged);
        window.setTotal(rows.size());
        total.set(rows.size());
        shown = snapshot();
    }

    /** The logical rows behind the window. */
    public TimelineRows rows() {
        return rows;
    }

    public RowWindow window() {
        return window;
    }

    /** Logical row count (the table holds at most the window's capacity of them). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** True while the window itself moves (not the data): selection changes then mean nothing. */
    public boolean shifting() {
        return shifting;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= shown.length) {
            throw new IndexOutOfBoundsException(index);
        }
        return shown[index];
    }

    @Override
    public int size() {
        return shown.length;
    }

    /** Window index of a logical row, or -1. */
    public int indexOf(int row) {
        return window.indexOf(row);
    }

    /** Makes logical rows [first, first + visible) held with margin; true when the window moved. */
    public boolean cover(int first, int visible) {
        if (!window.cover(first, visible)) {
            return false;
        }
        shifting = true;
        try {
            replaceAll();
        } finally {
            shifting = false;
        }
        return true;
    }

    private void rowsChanged(ListChangeListener.Change<? extends Integer> c) {
        boolean append = rows.identity();
        while (c.next()) {
            append &= c.wasAdded() && !c.wasRemoved() && c.getFrom() == c.getList().size() - c.getAddedSize();
        }
        window.setTotal(rows.size());
        total.set(rows.size());
        if (append && window.length() >= shown.length) { // the held rows are unchanged: only add
            int old = shown.length;
            shown = snapshot();
            if (shown.length > old) {
                beginChange();
                nextAdd(old, shown.length);
                endChange();
            }
        } else {
            replaceAll();
        }
    }

    private void replaceAll() {
        int[] old = shown;
        shown = snapshot();
        beginChange();
        if (old.length > 0) {
            nextRemove(0, asList(old));
        }
        if (shown.length > 0) {
            nextAdd(0, shown.length);
        }
        endChange();
    }

    private int[] snapshot() {
        int from = window.start();
        int[] out = new int[window.length()];
        if (rows.identity()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Positions.of(from + i);
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = rows.get(from + i);
            }
        }
        return out;
    }

    private static List<Integer> asList(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }
}
