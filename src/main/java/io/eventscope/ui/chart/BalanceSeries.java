package io.eventscope.ui.chart;

/**
 * One entity's balance after each event that touched it: real points (position, value) for hit-testing
 * and a downsampled selection for drawing. Immutable once published; arrays are shared with the builder
 * but nothing below {@code count} ever changes. {@code label} is the entity as the legend shows it (masked
 * when the projection masks entity ids).
 */
public record BalanceSeries(String entity, int[] positions, double[] values, int count, int[] drawn,
                            double min, double max, String label) {

    /** Index of the real point whose position is nearest to {@code position}, or -1 when empty. */
    public int nearest(double position) {
        if (count == 0) {
            return -1;
        }
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(positions[lo - 1] - position) <= Math.abs(positions[lo] - position)) {
            return lo - 1;
        }
        return lo;
    }

    /** Index of the last real point at or before {@code position}, or -1. */
    public int atOrBefore(int position) {
        int lo = 0;
        int hi = count - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] <= position) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
