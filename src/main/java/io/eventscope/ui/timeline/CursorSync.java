package io.eventscope.ui.timeline;

import io.eventscope.ui.replay.ReplayViewModel;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.IndexedCell;
import javafx.scene.layout.Region;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps the table's selected row and the replay cursor the same: picking a row moves the cursor to
 * it; moving the cursor selects its row (when the filter shows it) and scrolls it into view. Rows are
 * logical (over all shown rows); the table selects within the window it holds.
 */
public final class CursorSync {
    private final TimelineTableView table;
    private final TimelineRows rows;
    private final WindowedRows items;
    private final WindowScroller scroller;
    private final ObservableBooleanValue quiet;
    private final ReplayViewModel replay;
    private boolean syncing;
    private int cursorRow = -1;
    private int pendingReveal = -1;
    /** Scrolls at most once per frame however fast the cursor moves: each scroll re-lays out the rows. */
    private final AnimationTimer revealer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            int row = pendingReveal;
            pendingReveal = -1;
            if (row >= 0 && row < rows.size()) {
                reveal(row);
            }
        }
    };

    /**
     * @param quiet while true (a load in progress without "follow"), the table is not scrolled along.
     */
    public CursorSync(TimelineTableView table, TimelineRows rows, ReplayViewModel replay, ObservableBooleanValue quiet) {
        this.table = table;
        this.rows = rows;
        this.items = table.windowed();
        this.scroller = table.scroller();
        this.replay = replay;
        this.quiet = quiet;
        table.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (!syncing && !items.shifting() && p != null) {
                replay.moveTo(p);
            }
        });
        replay.cursorProperty().addListener((o, a, c) -> selectCursorRow(true));
        quiet.addListener((o, wasQuiet, isQuiet) -> {
            if (!isQuiet && cursorRow >= 0) {
                reveal(cursorRow); // the drag or load ended: bring the cursor's row into view once
            }
        });
        rows.addListener((ListChangeListener<Integer>) c -> {
            if (!rows.identity()) {
                cursorRow = -1; // other rows: the cursor's row is new, show it
                selectCursorRow(true);
            }
        });
        items.addListener((ListChangeListener<Integer>) c -> {
            if (items.shifting()) {
                selectCursorRow(false); // the window moved under the view: same cursor, new index
            }
        });
    }

    private void selectCursorRow(boolean reveal) {
        int cursor = replay.cursor();
        int row = cursor < 1 ? -1 : rows.rowOf(cursor);
        int index = row < 0 ? -1 : items.indexOf(row);
        syncing = true;
        try {
            var sm = table.getSelectionModel();
            if (index < 0) {
                if (!sm.isEmpty()) {
                    sm.clearSelection();
                }
            } else if (sm.getSelectedIndex() != index) {
                sm.clearAndSelect(index);
            }
        } finally {
            syncing = false;
        }
        boolean moved = row != cursorRow;
        cursorRow = row;
        if (reveal && moved && row >= 0 && !quiet.get()) {
            pendingReveal = row;
            revealer.start();
        }
    }

    private void reveal(int row) {
        VirtualFlow<?> flow = scroller.flow();
        if (flow == null) {
            return;
        }
        if (flow.getCellCount() != items.size()) {
            // New rows arrived this frame and the flow has not counted them yet: try next frame.
            pendingReveal = row;
            revealer.start();
            return;
        }
        int index = items.indexOf(row);
        if (index >= 0 && fullyVisible(flow, index)) {
            selectCursorRow(false);
            return;
        }
        int first = scroller.firstVisible();
        int last = scroller.lastVisible();
        if (index >= 0 && row >= first - 1 && row <= last + 1) {
            scroller.scrollTo(row); // stepping: the least scrolling that shows the row whole
        } else {
            // A jump: put the row in the middle, with context above and below it.
            scroller.showTop(Math.max(0, row - scroller.visibleRows() / 2));
        }
        selectCursorRow(false);
    }

    /** True when the cursor's row is selected and fully on screen. */
    public boolean cursorRowVisible() {
        int index = cursorRow < 0 ? -1 : items.indexOf(cursorRow);
        VirtualFlow<?> flow = scroller.flow();
        return index >= 0 && flow != null && table.getSelectionModel().getSelectedIndex() == index
                && fullyVisible(flow, index);
    }

    private static boolean fullyVisible(VirtualFlow<?> flow, int index) {
        IndexedCell<?> cell = flow.getVisibleCell(index);
        if (cell == null || !cell.isVisible()) {
            return false;
        }
        Bounds b = flow.sceneToLocal(cell.localToScene(cell.getBoundsInLocal()));
        double bottom = flow.getHeight();
        if (flow.lookup(".clipped-container") instanceof Region viewport) {
            bottom = viewport.getLayoutY() + viewport.getHeight(); // the rows' viewport, above any scroll bar
        }
        return b.getMinY() >= -0.5 && b.getMaxY() <= bottom + 0.5;
    }
}
