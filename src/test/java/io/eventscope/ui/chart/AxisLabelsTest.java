package io.eventscope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's value axis labels: whole, grouped, with the decimals the step needs and no float noise. */
class AxisLabelsTest {
    @Test
    void hugeValuesKeepEveryLeadingDigit() {
        double step = AxisLabels.tickStep(8e18);
        assertThat(step).isEqualTo(2e18);
        assertThat(AxisLabels.ticks(0, 8e18, step)).hasSize(5);
        assertThat(AxisLabels.label(8e18, step)).isEqualTo("8,000,000,000,000,000,000");
        assertThat(AxisLabels.label(1e23, 2e22)).isEqualTo("100,000,000,000,000,000,000,000");
    }

    @Test
    void smallStepsShowTheirDecimalsWithoutFloatNoise() {
        double step = AxisLabels.tickStep(0.8);
        assertThat(step).isEqualTo(0.2);
        // 3 × 0.2 is 0.6000000000000001 as a double
        List<String> labels = AxisLabels.ticks(0, 0.8, step).stream().map(v -> AxisLabels.label(v, step)).toList();
        assertThat(labels).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8");
        assertThat(AxisLabels.label(0.1 + 0.2, 0.1)).isEqualTo("0.3");
        assertThat(AxisLabels.label(-0.0, 1)).isEqualTo("0");
        assertThat(AxisLabels.label(-150_000, 50_000)).isEqualTo("-150,000");
    }

    @Test
    void anAbsurdRangeStillGivesABoundedNumberOfTicks() {
        assertThat(AxisLabels.ticks(0, 1e300, 1e-300)).hasSizeLessThanOrEqualTo(1001);
        assertThat(AxisLabels.label(Double.NaN, 1)).isEmpty();
    }
}
