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
 * it; moving the cursor selects its row (when the filter shows it) and scrolls it into view.
 */
public final class CursorSync {
    private final TimelineTableView table;
    private final TimelineRows rows;
    private final ReplayViewModel replay;
    private final ObservableBooleanValue quiet;
    private boolean syncing;
    private int pendingReveal = -1;
    /** Scrolls at most once per frame however fast the cursor moves: each scroll re-lays out the rows. */
    private final AnimationTimer revealer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            int row = pendingReveal;
            pendingReveal = -1;
            if (row >= 0 && row < table.getItems().size()) {
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
        this.replay = replay;
        this.quiet = quiet;
        table.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (!syncing && p != null) {
                replay.moveTo(p);
            }
        });
        replay.cursorProperty().addListener((o, a, c) -> selectCursorRow());
        quiet.addListener((o, wasQuiet, isQuiet) -> {
            int row = table.getSelectionModel().getSelectedIndex();
            if (!isQuiet && row >= 0) {
                reveal(row); // the drag or load ended: bring the cursor's row into view once
            }
        });
        rows.addListener((ListChangeListener<Integer>) c -> {
            if (!rows.identity()) {
                selectCursorRow();
            }
        });
    }

    private void selectCursorRow() {
        int cursor = replay.cursor();
        int row = cursor < 1 ? -1 : rows.rowOf(cursor);
        syncing = true;
        try {
            var sm = table.getSelectionModel();
            if (row < 0) {
                sm.clearSelection();
            } else if (sm.getSelectedIndex() != row) {
                sm.clearAndSelect(row);
                if (!quiet.get()) {
                    pendingReveal = row;
                    revealer.start();
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void reveal(int row) {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            if (flow.getCellCount() != table.getItems().size()) {
                // New rows arrived this frame and the flow has not counted them yet: try next frame.
                pendingReveal = row;
                revealer.start();
                return;
            }
            if (fullyVisible(flow, row)) {
                return;
            }
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            boolean nextToView = first != null && last != null && row >= first.getIndex() - 1 && row <= last.getIndex() + 1;
            if (nextToView) {
                flow.scrollTo(row); // stepping: the least scrolling that shows the row whole
            } else {
                // A jump: put the row in the middle, with context above and below it.
                int visible = (int) Math.max(1, flow.getHeight() / Math.max(1, table.getFixedCellSize()));
                flow.scrollToTop(Math.max(0, row - visible / 2));
            }
        } else {
            table.scrollTo(row);
        }
    }

    /** True when the cursor's row is fully on screen. */
    public boolean cursorRowVisible() {
        int row = table.getSelectionModel().getSelectedIndex();
        return row >= 0 && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && fullyVisible(flow, row);
    }

    private static boolean fullyVisible(VirtualFlow<?> flow, int row) {
        IndexedCell<?> cell = flow.getVisibleCell(row);
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
