package io.eventscope.ui.timeline;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;

/**
 * The timeline table with its all-rows scroll bar laid exactly over the table's own (transparent)
 * vertical bar, which only spans the rows held. The table thus looks and lays out as before: the
 * column menu button keeps its corner.
 */
public final class TimelineTablePane extends Region {
    private final TimelineTableView table;
    private final ScrollBar bar;
    private ScrollBar inner;

    public TimelineTablePane(TimelineTableView table) {
        this.table = table;
        this.bar = table.scroller().bar();
        getChildren().addAll(table, bar); // the bar on top
    }

    @Override
    protected void layoutChildren() {
        table.resizeRelocate(0, 0, getWidth(), getHeight());
        table.layout(); // places the inner bar, whose place the outer one takes
        ScrollBar under = innerBar();
        if (under != null && under.isVisible() && under.getHeight() > 0) {
            Bounds b = sceneToLocal(under.localToScene(under.getLayoutBounds()));
            bar.resizeRelocate(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        } else {
            bar.resizeRelocate(getWidth(), 0, 0, 0);
        }
    }

    private ScrollBar innerBar() {
        if (inner == null) {
            for (Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar s && s != bar && s.getOrientation() == Orientation.VERTICAL
                        && s.getParent() == table.scroller().flow()) {
                    inner = s;
                    inner.setMouseTransparent(true);
                    // the table lays itself out alone on scrolls and resizes: follow its bar then
                    inner.boundsInParentProperty().addListener((o, a, b) -> requestLayout());
                    inner.visibleProperty().addListener((o, a, v) -> requestLayout());
                    break;
                }
            }
        }
        return inner;
    }

    @Override
    protected double computePrefWidth(double height) {
        return table.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return table.prefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return table.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return table.minHeight(width);
    }
}
