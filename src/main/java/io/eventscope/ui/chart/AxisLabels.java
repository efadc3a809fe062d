package io.eventscope.ui.chart;

import io.eventscope.ui.format.Formats;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The value axis: round ticks (1, 2 or 5 × 10^k apart), their labels with grouping and only the decimals
 * the step needs, and how wide the widest label is, so the plot starts right of it and no label loses its
 * leading digits at the window's edge.
 */
final class AxisLabels {
    static final Font FONT = Font.font(11);
    /** Space between a label's end and the plot. */
    static final double GAP = 6;

    private AxisLabels() {
    }

    /** A 1, 2 or 5 × 10^k step giving about four intervals. */
    static double tickStep(double span) {
        double raw = span / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** The tick values from {@code min} to {@code max} (both on the step grid). */
    static List<Double> ticks(double min, double max, double step) {
        List<Double> out = new ArrayList<>();
        long n = Math.round((max - min) / step);
        for (long k = 0; k <= n && k <= 1000; k++) {
            out.add(min + k * step);
        }
        return out;
    }

    /** "74,074,073,415,000,000" or "0.25": grouped, with the decimals of the step and no more. */
    static String label(double value, double step) {
        if (!Double.isFinite(value)) {
            return "";
        }
        int scale = (int) Math.max(0, Math.min(12, -Math.floor(Math.log10(step))));
        // Ticks are round numbers: 15 significant digits drop the double's noise (1e23 is 9.999…E22 as a double)
        BigDecimal v = new BigDecimal(value, new MathContext(15)).setScale(scale, RoundingMode.HALF_EVEN);
        return Formats.money(v.signum() == 0 ? v.abs() : v);
    }

    /** Width in pixels of the widest label, as drawn. */
    static double widest(List<String> labels) {
        double w = 0;
        Text t = new Text();
        t.setFont(FONT);
        for (String s : labels) {
            t.setText(s);
            w = Math.max(w, t.getLayoutBounds().getWidth());
        }
        return Math.ceil(w);
    }
}
