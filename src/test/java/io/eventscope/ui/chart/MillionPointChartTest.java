package io.eventscope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.load.LoadedSource;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.testing.Loads;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A single entity with a million balance points: built off-thread, drawn from a few thousand. */
@ExtendWith(ApplicationExtension.class)
class MillionPointChartTest {
    static final int EVENTS = 1_000_000;

    @Test
    void aMillionPointSeriesIsKeptWholeAndDrawnQuickly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one-account.jsonl");
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int i = 1; i <= EVENTS; i++) {
                out.write(i % 3 == 0 ? "{\"type\":\"Withdrawal\",\"amount\":\"0.50\"}\n" : "{\"type\":\"Deposit\",\"amount\":1}\n");
            }
        }
        LoadedSource loaded = Loads.read(file.toString());
        var timeline = loaded.timeline();
        String entity = timeline.defaultEntity();
        BalanceSeries series = new SeriesBuilder(timeline, new ReplayEngine(timeline, loaded.spec()).effects(), List.of(entity))
                .extendTo(timeline.size()).get(0);
        assertThat(series.count()).isEqualTo(EVENTS);
        assertThat(series.drawn().length).isLessThanOrEqualTo(SeriesBuilder.DRAWN_POINTS);
        // Every real point is kept for hit-testing: the last one is the exact final balance.
        long deposits = EVENTS - EVENTS / 3;
        assertThat(series.values()[EVENTS - 1]).isEqualTo(deposits - 0.5 * (EVENTS / 3));
        assertThat(series.nearest(777_777.2)).isEqualTo(777_776);

        BalanceChart chart = WaitForAsyncUtils.asyncFx(() -> {
            BalanceChart c = new BalanceChart();
            Stage stage = new Stage();
            stage.setScene(new Scene(c, 1400, 300));
            stage.show();
            return c;
        }).get();
        long nanos = WaitForAsyncUtils.asyncFx(() -> {
            long start = System.nanoTime();
            chart.extentProperty().set(EVENTS);
            chart.seriesProperty().set(List.of(series));
            chart.replayCursorProperty().set(500_000);
            return System.nanoTime() - start;
        }).get();
        long millis = nanos / 1_000_000;
        System.out.printf("drawing a %,d-point series took %d ms on the FX thread%n", EVENTS, millis);
        assertThat(millis).isLessThan(100);
        int picked = WaitForAsyncUtils.asyncFx(() -> chart.pick(chart.xOf(series.positions()[600_000]),
                chart.yOfPoint(series, 600_000))).get();
        assertThat(picked).isBetween(600_000 - 300, 600_000 + 300); // within a pixel's worth of events
    }
}
