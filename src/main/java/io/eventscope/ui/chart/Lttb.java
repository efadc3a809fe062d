package io.eventscope.ui.chart;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the first and last point and, in
 * each bucket between, the point forming the largest triangle with its neighbours' choices. Only used
 * for drawing; the real points stay for hit-testing.
 */
public final class Lttb {
    private Lttb() {
    }

    /** Indexes (into x/y, ascending) of at most {@code threshold} points to draw. */
    public static int[] select(int[] x, double[] y, int count, int threshold) {
        if (threshold >= count || threshold < 3) {
            int[] all = new int[count];
            for (int i = 0; i < count; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[threshold];
        int n = 0;
        double every = (double) (count - 2) / (threshold - 2);
        int a = 0;
        out[n++] = 0;
        for (int bucket = 0; bucket < threshold - 2; bucket++) {
            int avgStart = (int) Math.floor((bucket + 1) * every) + 1;
            int avgEnd = Math.min((int) Math.floor((bucket + 2) * every) + 1, count);
            double avgX = 0;
            double avgY = 0;
            for (int i = avgStart; i < avgEnd; i++) {
                avgX += x[i];
                avgY += y[i];
            }
            int span = Math.max(1, avgEnd - avgStart);
            avgX /= span;
            avgY /= span;
            int from = (int) Math.floor(bucket * every) + 1;
            int to = (int) Math.floor((bucket + 1) * every) + 1;
            double best = -1;
            int chosen = from;
            for (int i = from; i < to; i++) {
                double area = Math.abs((x[a] - avgX) * (y[i] - y[a]) - (x[a] - x[i]) * (avgY - y[a]));
                if (area > best) {
                    best = area;
                    chosen = i;
                }
            }
            out[n++] = chosen;
            a = chosen;
        }
        out[n++] = count - 1;
        return java.util.Arrays.copyOf(out, n);
    }
}
