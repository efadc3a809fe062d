package io.eventscope.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the soak's CSV ({@link SoakRun}) as a PNG with the JDK's Java2D (no plotting package needed):
 * four panels over time — heap, FX pulse gap, lag, events shown. Args: csvPath pngPath.
 */
public final class SoakPlot {
    private static final int W = 1000;
    private static final int PANEL = 170;
    private static final int LEFT = 80;
    private static final int TOP = 30;

    private SoakPlot() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<String> header = List.of(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", header.size());
            double[] r = new double[header.size() - 1];
            for (int i = 0; i < r.length; i++) {
                r[i] = Double.parseDouble(f[i]);
            }
            rows.add(r);
        }
        String[][] panels = {
                {"heap_used_mb", "heap_after_gc_mb", "heap (MB): in use / live after GC"},
                {"fx_max_gap_ms", "fx_max_busy_ms", "FX thread (ms): longest pulse gap / own CPU in it"},
                {"lag_ms", null, "lag (ms): wait of the oldest event not yet shown"},
                {"shown", "published", "events: shown / published"},
        };
        BufferedImage img = new BufferedImage(W, TOP + panels.length * (PANEL + 40) + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double tMax = rows.isEmpty() ? 1 : Math.max(1, rows.get(rows.size() - 1)[0]);
        for (int p = 0; p < panels.length; p++) {
            int y0 = TOP + p * (PANEL + 40);
            int a = header.indexOf(panels[p][0]);
            int b = panels[p][1] == null ? -1 : header.indexOf(panels[p][1]);
            double max = 1;
            for (double[] r : rows) {
                max = Math.max(max, Math.max(r[a], b < 0 ? 0 : r[b]));
            }
            g.setColor(Color.BLACK);
            g.drawString(panels[p][2], LEFT, y0 - 6);
            g.drawRect(LEFT, y0, W - LEFT - 20, PANEL);
            g.drawString(String.format("%,.0f", max), 8, y0 + 12);
            g.drawString("0", 8, y0 + PANEL);
            g.drawString(String.format("%.0f min", tMax / 60), W - 80, y0 + PANEL + 14);
            line(g, rows, a, max, tMax, y0, new Color(0x1f77b4));
            if (b >= 0) {
                line(g, rows, b, max, tMax, y0, new Color(0xd62728));
            }
        }
        g.dispose();
        ImageIO.write(img, "png", Path.of(args[1]).toFile());
    }

    private static void line(Graphics2D g, List<double[]> rows, int col, double max, double tMax, int y0, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(1.5f));
        int px = -1;
        int py = -1;
        for (double[] r : rows) {
            int x = LEFT + (int) (r[0] / tMax * (W - LEFT - 20));
            int y = y0 + PANEL - (int) (r[col] / max * PANEL);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }
}
