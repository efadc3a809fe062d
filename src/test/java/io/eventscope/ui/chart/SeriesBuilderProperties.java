package io.eventscope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.Timeline;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.ReplayState;
import io.eventscope.testing.BankingLogs;
import io.eventscope.testing.Timelines;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The chart says what the replay says: each entity's series equals the engine's state at every position. */
class SeriesBuilderProperties {
    private static final List<String> ENTITIES = List.of("A", "B", "C", "D", "E", "default");

    @Property(tries = 200)
    void everySeriesFollowsTheEngineAtEveryPosition(@ForAll("logs") List<String> log, @ForAll double split) {
        Timeline timeline = Timelines.banking("default", log);
        ReplayEngine engine = new ReplayEngine(timeline, ProjectionSpecReader.banking());
        SeriesBuilder builder = new SeriesBuilder(timeline, engine.effects(), ENTITIES);
        builder.extendTo((int) (Math.abs(split % 1) * timeline.size())); // built in two steps, as during a load
        List<BalanceSeries> series = builder.extendTo(timeline.size());

        for (BalanceSeries s : series) {
            int k = -1;
            for (int p = 0; p <= timeline.size(); p++) {
                ReplayState state = engine.stateAt(p);
                EntityState entity = state.entity(s.entity());
                while (k + 1 < s.count() && s.positions()[k + 1] <= p) {
                    k++;
                }
                if (entity == null) {
                    assertThat(k).as("%s has no point before its first applied event (#%d)", s.entity(), p)
                            .isEqualTo(-1);
                    continue;
                }
                BigDecimal expected = entity.decimal("balance");
                assertThat(k).as("%s has a point by #%d", s.entity(), p).isGreaterThanOrEqualTo(0);
                assertThat(s.values()[k]).as("%s at #%d", s.entity(), p).isEqualTo(expected.doubleValue());
                assertThat(k + 1).as("%s points by #%d", s.entity(), p).isEqualTo(entity.events());
            }
        }
    }

    @Provide
    Arbitrary<List<String>> logs() {
        return BankingLogs.logs(80);
    }
}
