package io.eventscope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LttbTest {
    @Test
    void keepsTheEndsAndTheSpikesAndNoMoreThanAskedFor() {
        int n = 100_000;
        int[] x = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = Math.sin(i / 500.0) * 100;
        }
        y[61_234] = 10_000; // a single outlier must survive downsampling: it is what an auditor looks for
        y[7_777] = -10_000;
        int[] picked = Lttb.select(x, y, n, 2_000);
        assertThat(picked.length).isLessThanOrEqualTo(2_000);
        assertThat(picked[0]).isZero();
        assertThat(picked[picked.length - 1]).isEqualTo(n - 1);
        assertThat(picked).contains(61_234, 7_777);
        int[] sorted = picked.clone();
        Arrays.sort(sorted);
        assertThat(picked).containsExactly(sorted);
    }

    @Test
    void smallSeriesAreDrawnWhole() {
        int[] picked = Lttb.select(new int[] {1, 2, 3}, new double[] {5, 6, 7}, 3, 2_000);
        assertThat(picked).containsExactly(0, 1, 2);
    }
}
