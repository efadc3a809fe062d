package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.Timeline;
import io.eventscope.testing.BankingLogs;
import io.eventscope.testing.Timelines;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Seeking through checkpoints must always give what a plain fold from zero gives. */
class SeekProperties {

    @Property(tries = 200)
    void seekingInAnyOrderEqualsAFoldFromZero(@ForAll("logs") List<String> log,
                                              @ForAll @Size(max = 30) List<Double> seeks) {
        Timeline timeline = Timelines.banking("default", log);
        ReplayEngine engine = new ReplayEngine(timeline, ProjectionSpecReader.banking(), 3);
        for (double fraction : seeks) {
            int position = (int) Math.round(Math.abs(fraction % 1) * timeline.size());
            ReplayState seek = engine.stateAt(position);
            ReplayState reference = ReplayEngine.foldFromZero(timeline, ProjectionSpecReader.banking(), position);
            assertThat(seek.position()).isEqualTo(position);
            assertThat(seek.flagged()).isEqualTo(reference.flagged());
            assertThat(seek.entities()).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(reference.entities());
        }
    }

    @Provide
    Arbitrary<List<String>> logs() {
        return BankingLogs.logs(120);
    }
}
