package io.eventscope.ui.timeline;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Scrolling over the whole logical row list while the table holds only a {@link WindowedRows} slice:
 * an external scroll bar spans every row (value = first visible logical row); wheel, keys and reveals
 * scroll the table inside the window, and the window follows when the view nears its edges.
 */
public final class WindowScroller {
    private final TableView<Integer> table;
    private final WindowedRows items;
    private final ScrollBar bar = new ScrollBar();
    private boolean updatingBar;
    private boolean followPending;

    public WindowScroller(TableView<Integer> table, WindowedRows items) {
        this.table = table;
        this.items = items;
        bar.setOrientation(Orientation.VERTICAL);
        bar.setId("timelineScroll");
        bar.getStyleClass().add("timeline-scroll");
        bar.setUnitIncrement(1);
        bar.valueProperty().addListener((o, a, v) -> {
            if (!updatingBar) {
                showTop((int) Math.round(v.doubleValue()));
            }
        });
        bar.addEventHandler(ScrollEvent.SCROLL, e -> { // the wheel over the bar scrolls as over the rows
            if (e.getDeltaY() != 0) {
                showTop(firstVisible() - (int) Math.signum(e.getDeltaY()) * 3);
                e.consume();
            }
        });
        items.totalProperty().addListener((o, a, n) -> updateBar());
        updateBar();
    }

    /** The scroll bar spanning every logical row; placed beside the table. */
    public ScrollBar bar() {
        return bar;
    }

    /** The table's row flow, once it is skinned. */
    VirtualFlow<?> flow() {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
    }

    /** Whole rows that fit in the viewport. */
    public int visibleRows() {
        VirtualFlow<?> f = flow();
        double h = f == null ? 0 : f.getHeight();
        if (f != null && f.lookup(".clipped-container") instanceof Region viewport && viewport.getHeight() > 0) {
            h = viewport.getHeight(); // the rows' viewport, above any horizontal scroll bar
        }
        return (int) Math.max(1, h / Math.max(1, table.getFixedCellSize()));
    }

    /** Logical row at the top of the viewport. */
    public int firstVisible() {
        VirtualFlow<?> f = flow();
        IndexedCell<?> c = f == null ? null : f.getFirstVisibleCell();
        return items.window().rowAt(c == null ? 0 : Math.max(0, c.getIndex()));
    }

    /** Logical row at the bottom of the viewport. */
    public int lastVisible() {
        VirtualFlow<?> f = flow();
        IndexedCell<?> c = f == null ? null : f.getLastVisibleCell();
        return c == null ? firstVisible() : items.window().rowAt(Math.max(0, c.getIndex()));
    }

    /** Scrolls so that logical row {@code top} is the first one shown. */
    public void showTop(int top) {
        VirtualFlow<?> f = flow();
        if (f == null) {
            return;
        }
        int visible = visibleRows();
        int t = Math.max(0, Math.min(top, items.totalProperty().get() - visible));
        if (items.cover(t, visible)) {
            settleCount(f);
        }
        if (t > 0 && t >= items.totalProperty().get() - visible) {
            f.setPosition(1); // the end: last row at the bottom (scrollToTop would overshoot it)
        } else {
            f.scrollToTop(Math.max(0, items.indexOf(t)));
        }
        updateBar(t, visible);
    }

    /** The least scrolling that shows logical row {@code row} whole. */
    public void scrollTo(int row) {
        VirtualFlow<?> f = flow();
        if (f == null) {
            return;
        }
        int visible = visibleRows();
        int top = firstVisible();
        int newTop = row < top ? row : row >= top + visible ? row - visible + 1 : top;
        if (newTop != top || items.window().copy().cover(newTop, visible)) {
            showTop(newTop);
        }
        int index = items.indexOf(row);
        if (index >= 0) {
            f.scrollTo(index);
        }
    }

    /**
     * After each table layout: keep the bar in step and move the window before the view reaches its
     * edge. The flow lays out its rows after the table, so this looks once the pass is over.
     */
    void afterLayout() {
        if (!followPending) {
            followPending = true;
            Platform.runLater(this::follow);
        }
    }

    private void follow() {
        followPending = false;
        VirtualFlow<?> f = flow();
        if (f == null || f.isNeedsLayout() || table.isNeedsLayout()) {
            return; // a scroll is still to be laid out; its layout brings us back here
        }
        int first = firstVisible();
        int visible = visibleRows();
        updateBar(first, visible);
        if (needsMove(first, visible)) { // not inside the layout pass: moving the window changes the items
            showTop(first);
        }
    }

    private boolean needsMove(int first, int visible) {
        return items.window().copy().cover(first, visible); // probe only: would the window move?
    }

    /** The skin takes in a replaced slice at its next layout; lay out now so the scroll below sticks. */
    private void settleCount(VirtualFlow<?> f) {
        table.layout();
    }

    private void updateBar() {
        updateBar(firstVisible(), visibleRows());
    }

    private void updateBar(int first, int visible) {
        int total = items.totalProperty().get();
        updatingBar = true;
        try {
            bar.setMax(Math.max(0, total - visible));
            bar.setVisibleAmount(Math.max(1, Math.min(visible, total)));
            bar.setBlockIncrement(Math.max(1, visible - 1));
            bar.setValue(Math.min(first, bar.getMax()));
        } finally {
            updatingBar = false;
        }
        boolean needed = total > visible;
        if (bar.isVisible() != needed) {
            bar.setVisible(needed);
        }
    }
}
