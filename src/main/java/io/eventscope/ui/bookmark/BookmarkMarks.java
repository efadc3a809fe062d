package io.eventscope.ui.bookmark;

import io.eventscope.casefile.Bookmark;
import io.eventscope.casefile.BookmarkCheck;
import io.eventscope.ui.chart.BalanceChart;
import javafx.beans.Observable;
import javafx.collections.MapChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * Bookmarks drawn where they are: small flags under the replay slider (a click jumps) and dashed lines over
 * the chart. Amber for a bookmark whose event is there; red for one the reopened source no longer holds or
 * holds differently.
 */
public final class BookmarkMarks extends Pane {
    private static final Color SAME = Color.web("#d4a72c");
    private static final Color PROBLEM = Color.web("#cf222e");
    private final BookmarksViewModel model;
    private final java.util.function.DoubleUnaryOperator xOf;
    private final boolean flags;

    private BookmarkMarks(BookmarksViewModel model, java.util.function.DoubleUnaryOperator xOf, boolean flags,
                          Observable... relayout) {
        this.model = model;
        this.xOf = xOf;
        this.flags = flags;
        model.bookmarks().addListener((Observable o) -> requestLayout());
        model.checked().addListener((MapChangeListener<Integer, BookmarkCheck.Status>) c -> requestLayout());
        for (Observable o : relayout) {
            o.addListener(x -> requestLayout());
        }
    }

    /** A strip under {@code slider} with a flag per bookmark, placed as the slider places its thumb. */
    public static BookmarkMarks underSlider(Slider slider, BookmarksViewModel model) {
        BookmarkMarks strip = new BookmarkMarks(model, p -> sliderX(slider, p), true, slider.maxProperty(),
                slider.widthProperty());
        strip.setId("bookmarkStrip");
        strip.setMinHeight(7);
        strip.setPrefHeight(7);
        strip.setMaxHeight(7);
        return strip;
    }

    /** Lines over {@code chart} (add to a stack above it); lets clicks through to the chart. */
    public static BookmarkMarks overChart(BalanceChart chart, BookmarksViewModel model) {
        BookmarkMarks over = new BookmarkMarks(model, chart::xOf, false, chart.extentProperty(), chart.seriesProperty(),
                chart.widthProperty(), chart.heightProperty());
        over.setId("bookmarkLines");
        over.setMouseTransparent(true);
        return over;
    }

    private static double sliderX(Slider slider, double position) {
        Node track = slider.lookup(".track");
        Node thumb = slider.lookup(".thumb");
        if (track == null || slider.getMax() <= slider.getMin()) {
            return Double.NaN;
        }
        Bounds t = track.getBoundsInParent();
        double thumbWidth = thumb == null ? 0 : thumb.getLayoutBounds().getWidth();
        double span = Math.max(0, t.getWidth() - thumbWidth);
        return slider.getBoundsInParent().getMinX() + t.getMinX() + thumbWidth / 2
                + span * (position - slider.getMin()) / (slider.getMax() - slider.getMin());
    }

    @Override
    protected void layoutChildren() {
        getChildren().clear();
        for (Bookmark b : model.bookmarks()) {
            double x = Math.round(xOf.applyAsDouble(b.position())) + 0.5;
            if (Double.isNaN(x) || x < 0 || x > getWidth()) {
                continue;
            }
            Color color = model.statusOf(b) == BookmarkCheck.Status.SAME ? SAME : PROBLEM;
            getChildren().add(flags ? flag(b, x, color) : line(x, color));
        }
    }

    private Node flag(Bookmark b, double x, Color color) {
        Polygon flag = new Polygon(x - 4, getHeight(), x + 4, getHeight(), x, 0);
        flag.setFill(color);
        flag.getStyleClass().add("bookmark-flag");
        Tooltip.install(flag, new Tooltip(BookmarksView.line(b, model.statusOf(b))));
        flag.setOnMouseClicked(e -> model.goTo(b));
        return flag;
    }

    private Node line(double x, Color color) {
        Line line = new Line(x, 6, x, Math.max(6, getHeight() - 22));
        line.setStroke(color);
        line.setStrokeWidth(1.5);
        line.getStrokeDashArray().setAll(2.0, 3.0);
        line.getStyleClass().add("bookmark-line");
        return line;
    }
}
