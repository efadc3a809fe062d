package io.eventscope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.load.LoadedSource;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.testing.Loads;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's balance series must say what the replay engine says, point by point. */
class SeriesBuilderTest {
    @Test
    void everyChartedPointIsTheEngineBalanceAfterThatEvent() {
        LoadedSource loaded = Loads.bundledSample();
        var timeline = loaded.timeline();
        ReplayEngine engine = new ReplayEngine(timeline, loaded.spec());
        List<String> entities = List.of("ACC-00001", "ACC-00250", "ACC-00499");
        SeriesBuilder builder = new SeriesBuilder(timeline, engine.effects(), entities);
        // Built in two steps, as during a load, then compared with the engine.
        builder.extendTo(timeline.size() / 3);
        List<BalanceSeries> series = builder.extendTo(timeline.size());
        assertThat(series).extracting(BalanceSeries::entity).containsExactlyElementsOf(entities);
        for (BalanceSeries s : series) {
            EntityState end = engine.stateAt(timeline.size()).entity(s.entity());
            assertThat(s.count()).isEqualTo(end.events());
            for (int k = 0; k < s.count(); k++) {
                int position = s.positions()[k];
                BigDecimal balance = engine.stateAt(position).entity(s.entity()).decimal("balance");
                assertThat(s.values()[k]).as("%s at #%d", s.entity(), position).isEqualTo(balance.doubleValue());
                assertThat(timeline.entityName(timeline.entityIdAt(position - 1))).isEqualTo(s.entity());
            }
        }
    }
}
