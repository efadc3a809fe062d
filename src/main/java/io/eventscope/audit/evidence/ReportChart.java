package io.eventscope.audit.evidence;

import io.eventscope.event.DecimalText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/** The report's chart as inline SVG: one line per busiest entity, positions across, values up (exact until the pixel). */
final class ReportChart {
    private static final String[] COLOURS = {"#0969da", "#cf222e", "#1a7f37", "#8250df", "#bf8700"};
    private static final int W = 1000;
    private static final int H = 300;
    private static final int LEFT = 110;
    private static final int TOP = 10;

    private final BusiestSeries chart;
    private final int positions;

    private final io.eventscope.replay.Masks masks;

    ReportChart(BusiestSeries chart, int positions, io.eventscope.replay.Masks masks) {
        this.chart = chart;
        this.masks = masks;
        this.positions = Math.max(1, positions);
    }

    String svg() {
        BigDecimal min = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (List<BusiestSeries.Point> points : chart.series().values()) {
            for (BusiestSeries.Point p : points) {
                min = min.min(p.value());
                max = max.max(p.value());
            }
        }
        if (max.compareTo(min) == 0) {
            max = min.add(BigDecimal.ONE);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
                .append(LEFT + W + 10).append(' ').append(TOP + H + 60).append("\" style=\"max-width:1100px\">")
                .append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(W)
                .append("\" height=\"").append(H).append("\" fill=\"#fff\" stroke=\"#d0d7de\"/>");
        label(svg, LEFT - 6, TOP + 12, "end", DecimalText.grouped(max));
        label(svg, LEFT - 6, TOP + H, "end", DecimalText.grouped(min));
        label(svg, LEFT, TOP + H + 18, "start", "position 0");
        label(svg, LEFT + W, TOP + H + 18, "end", "position " + DecimalText.grouped(positions));
        int k = 0;
        int legendX = LEFT;
        for (Map.Entry<String, List<BusiestSeries.Point>> e : chart.series().entrySet()) {
            String colour = COLOURS[k++ % COLOURS.length];
            svg.append("<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"").append(colour).append("\" points=\"");
            BusiestSeries.Point prev = null;
            for (BusiestSeries.Point p : e.getValue()) {
                if (prev != null) { // a step: the value holds until the next change
                    svg.append(x(p.position())).append(',').append(y(prev.value(), min, max)).append(' ');
                }
                svg.append(x(p.position())).append(',').append(y(p.value(), min, max)).append(' ');
                prev = p;
            }
            if (prev != null) {
                svg.append(x(positions)).append(',').append(y(prev.value(), min, max));
            }
            svg.append("\"/>");
            svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(TOP + H + 34)
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(colour).append("\"/>");
            String name = masks.entity(e.getKey());
            label(svg, legendX + 16, TOP + H + 45, "start", name);
            legendX += 18 + 8 * Math.min(name.length(), 24) + 24;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void label(StringBuilder svg, int x, int y, String anchor, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"12\" fill=\"#57606a\">").append(ReportHtml.esc(text)).append("</text>");
    }

    private int x(int position) {
        return LEFT + (int) ((long) position * W / positions);
    }

    private static int y(BigDecimal value, BigDecimal min, BigDecimal max) {
        BigDecimal share = value.subtract(min).multiply(BigDecimal.valueOf(H))
                .divide(max.subtract(min), MathContext.DECIMAL64);
        return TOP + H - share.intValue();
    }
}
