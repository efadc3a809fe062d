package io.eventscope.ui.chart;

import io.eventscope.ui.format.Formats;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.TextAlignment;

/**
 * The projection's primary decimal field (e.g. the balance) over position for the chosen entities, drawn on a canvas from the downsampled points, with a
 * vertical line at the replay cursor. A click picks the nearest real point and asks to jump to the event
 * that produced it. Redraws only when its inputs change.
 */
public final class BalanceChart extends Region {
    static final Color[] LIGHT_PALETTE = {Color.web("#0969da"), Color.web("#bf3989"), Color.web("#1a7f37"),
            Color.web("#9a6700"), Color.web("#8250df"), Color.web("#cf222e")};
    static final Color[] DARK_PALETTE = {Color.web("#58a6ff"), Color.web("#f778ba"), Color.web("#3fb950"),
            Color.web("#d29922"), Color.web("#bc8cff"), Color.web("#ff7b72")};
    /** Narrowest left margin; it grows to fit the widest value label. */
    private static final double MIN_LEFT = 40;
    private static final double RIGHT = 14;
    private static final double TOP = 26;
    private static final double BOTTOM = 22;
    /** How far (pixels) a click may be from a point and still pick it. */
    static final double PICK_RADIUS = 24;

    private final Canvas canvas = new Canvas();
    /** The cursor is a node over the canvas, so moving it never redraws the series. */
    private final Line cursorLine = new Line();
    private final ObjectProperty<List<BalanceSeries>> series = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty cursor = new SimpleIntegerProperty();
    private final IntegerProperty extent = new SimpleIntegerProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final StringProperty field = new SimpleStringProperty("");
    /** The x axis's tick labels by position: the replay's chosen clock ({@code ReplayViewModel.axisLabelsProperty}). */
    private final ObjectProperty<java.util.function.IntFunction<String>> axisLabels =
            new SimpleObjectProperty<>(p -> "#" + Formats.count(p));
    /** Where the plot starts: right of the widest value label (set by each draw). */
    private double left = MIN_LEFT;
    private IntConsumer onPick = p -> { };

    public BalanceChart() {
        getStyleClass().add("balance-chart");
        cursorLine.getStyleClass().add("chart-cursor");
        cursorLine.setId("chartCursor");
        cursorLine.setMouseTransparent(true);
        cursorLine.getStrokeDashArray().setAll(4.0, 3.0);
        getChildren().addAll(canvas, cursorLine);
        series.addListener((o, a, n) -> draw());
        cursor.addListener((o, a, n) -> placeCursor());
        extent.addListener((o, a, n) -> draw());
        dark.addListener((o, a, n) -> draw());
        field.addListener((o, a, n) -> draw());
        axisLabels.addListener((o, a, n) -> draw());
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                int p = pick(e.getX(), e.getY());
                if (p > 0) {
                    onPick.accept(p);
                }
            }
        });
        setMinSize(200, 120);
    }

    /** Name of the charted field, for the hint shown before anything is picked (bind to the view model's). */
    public StringProperty fieldProperty() {
        return field;
    }

    public ObjectProperty<List<BalanceSeries>> seriesProperty() {
        return series;
    }

    public IntegerProperty replayCursorProperty() {
        return cursor;
    }

    /** The last position on the x axis (the timeline's size). */
    public IntegerProperty extentProperty() {
        return extent;
    }

    public ObjectProperty<java.util.function.IntFunction<String>> axisLabelsProperty() {
        return axisLabels;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void setOnPick(IntConsumer onPick) {
        this.onPick = onPick;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** The x pixel of a position. */
    public double xOf(double position) {
        double plot = canvas.getWidth() - left - RIGHT;
        return left + plot * (position / Math.max(1, extent.get()));
    }

    private double yOf(double value, double min, double max) {
        double plot = canvas.getHeight() - TOP - BOTTOM;
        return TOP + plot * (1 - (value - min) / (max - min));
    }

    /** The position of the real point nearest to a click, or -1 when none is close enough. */
    public int pick(double x, double y) {
        double[] range = range();
        double best = PICK_RADIUS;
        int picked = -1;
        double plot = canvas.getWidth() - left - RIGHT;
        double position = (x - left) / Math.max(1, plot) * Math.max(1, extent.get());
        for (BalanceSeries s : series.get()) {
            int i = s.nearest(position);
            // Look at a few neighbours too: the nearest in x is not always the nearest on screen.
            for (int k = Math.max(0, i - 3); i >= 0 && k <= Math.min(s.count() - 1, i + 3); k++) {
                double dx = xOf(s.positions()[k]) - x;
                double dy = yOf(s.values()[k], range[0], range[1]) - y;
                double d = Math.hypot(dx, dy);
                if (d < best) {
                    best = d;
                    picked = s.positions()[k];
                }
            }
        }
        return picked;
    }

    /** The y pixel of a series' point, for tests and tooltips. */
    public double yOfPoint(BalanceSeries s, int index) {
        double[] range = range();
        return yOf(s.values()[index], range[0], range[1]);
    }

    private double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (BalanceSeries s : series.get()) {
            if (s.count() > 0) {
                min = Math.min(min, s.min());
                max = Math.max(max, s.max());
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[] {0, 1, 0.25};
        }
        min = Math.min(min, 0);
        if (max - min < 1e-9) {
            max = min + 1;
        }
        // Round the axis out to whole ticks so the labels read 0, 50,000, 100,000 …
        double step = AxisLabels.tickStep(max - min);
        return new double[] {Math.floor(min / step) * step, Math.ceil(max / step) * step, step};
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        placeCursor();
        if (w <= 0 || h <= 0) {
            return;
        }
        boolean isDark = dark.get();
        Color bg = isDark ? Color.web("#0d1117") : Color.WHITE;
        Color grid = isDark ? Color.web("#30363d") : Color.web("#d0d7de");
        Color text = isDark ? Color.web("#8b949e") : Color.web("#57606a");
        Color[] palette = isDark ? DARK_PALETTE : LIGHT_PALETTE;
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        g.setFont(AxisLabels.FONT);
        List<BalanceSeries> all = series.get();
        double[] range = range();
        List<Double> ticks = AxisLabels.ticks(range[0], range[1], range[2]);
        List<String> labels = ticks.stream().map(v -> AxisLabels.label(v, range[2])).toList();
        left = Math.min(Math.max(MIN_LEFT, AxisLabels.widest(labels) + 2 * AxisLabels.GAP), w / 2);
        placeCursor();
        if (all.isEmpty()) {
            g.setFill(text);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            String what = field.get() == null || field.get().isEmpty() ? "them" : "their " + field.get();
            g.fillText("Select entities in the state panel to chart " + what + ".", w / 2, h / 2);
            return;
        }
        drawAxes(g, w, h, range, ticks, labels, grid, text);
        g.save();
        g.beginPath();
        g.rect(left, TOP, w - left - RIGHT, h - TOP - BOTTOM);
        g.clip();
        for (int s = 0; s < all.size(); s++) {
            BalanceSeries ser = all.get(s);
            g.setStroke(palette[s % palette.length]);
            g.setLineWidth(1.5);
            g.beginPath();
            int[] drawn = ser.drawn();
            for (int k = 0; k < drawn.length; k++) {
                int i = drawn[k];
                double x = xOf(ser.positions()[i]);
                double y = yOf(ser.values()[i], range[0], range[1]);
                if (k == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, lastY); // a step: the balance holds until the next event
                    g.lineTo(x, y);
                }
                lastY = y;
            }
            if (drawn.length > 0) {
                g.lineTo(xOf(extent.get()), lastY);
            }
            g.stroke();
        }
        g.restore();
        drawLegend(g, all, palette, text);
    }

    private double lastY;

    private void placeCursor() {
        double x = Math.round(xOf(cursor.get())) + 0.5;
        cursorLine.setStartX(x);
        cursorLine.setEndX(x);
        cursorLine.setStartY(TOP);
        cursorLine.setEndY(Math.max(TOP, canvas.getHeight() - BOTTOM));
        cursorLine.setStroke(dark.get() ? Color.web("#f0f6fc") : Color.web("#24292f"));
        cursorLine.setVisible(!series.get().isEmpty());
    }

    private void drawAxes(GraphicsContext g, double w, double h, double[] range, List<Double> ticks,
            List<String> labels, Color grid, Color text) {
        g.setStroke(grid);
        g.setLineWidth(1);
        g.setFill(text);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < ticks.size(); k++) {
            double y = yOf(ticks.get(k), range[0], range[1]);
            g.strokeLine(left, y, w - RIGHT, y);
            g.fillText(labels.get(k), left - AxisLabels.GAP, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k <= 4; k++) {
            long p = Math.round((double) extent.get() * k / 4);
            double x = xOf(p);
            String label = axisLabels.get().apply((int) p);
            double half = label.length() * 3.2; // keep the first and last label inside the plot
            g.fillText(label, Math.max(left + half, Math.min(w - RIGHT - half, x)), h - BOTTOM + 4);
        }
    }

    private void drawLegend(GraphicsContext g, List<BalanceSeries> all, Color[] palette, Color text) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double x = left;
        for (int s = 0; s < all.size(); s++) {
            BalanceSeries ser = all.get(s);
            g.setFill(palette[s % palette.length]);
            g.fillRect(x, 9, 10, 10);
            g.setFill(text);
            // Names only: exact balances belong to the state panel, not to doubles drawn for the eye.
            String label = ser.label();
            g.fillText(label, x + 14, 14);
            x += 28 + label.length() * 6.5;
        }
    }
}
