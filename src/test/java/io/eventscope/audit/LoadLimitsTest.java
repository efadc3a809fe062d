package io.eventscope.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.Completeness;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load's shape as the banner shows it: the retention horizon, a window load, a cancelled load. */
class LoadLimitsTest {
    private static final Instant FIRST_STAMP = Instant.parse("2024-03-01T10:00:07.123456789Z");

    /** Sequences 8..12 of a stream, stamped a second apart from {@link #FIRST_STAMP}. */
    private static Timeline retained(CoordinateKind kind) {
        Timeline t = new Timeline("s", "s", kind, ProjectionSpecReader.banking().fieldMapping());
        TimelineWriter w = new TimelineWriter(t);
        for (int i = 0; i < 5; i++) {
            byte[] b = "{\"type\":\"Deposit\",\"account\":\"a\",\"amount\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            w.append(b, 0, b.length, null, 8 + i, EventTimes.toNanos(FIRST_STAMP.plusSeconds(i)), Map.of(), List.of());
        }
        return t;
    }

    private static Completeness extent(long first, long requestedFrom) {
        return new Completeness(List.of(new Completeness.StreamExtent("s", first, 12, requestedFrom, 5, List.of())), 0, 0);
    }

    @Test
    void aStreamWhoseFirstSequenceIsPastOneHasAHorizonAtItsFirstRetainedEvent() {
        List<FindingGroup> groups = LoadLimits.of(retained(CoordinateKind.SEQUENCE), extent(8, 1), false);
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(FindingKind.RETENTION_HORIZON);
            assertThat(g.label()).isEqualTo("history before 2024-03-01T10:00:07.123Z is not retained: state before it "
                    + "cannot be known");
            assertThat(g.count()).isEqualTo(1);
            assertThat(g.firstPosition()).isEqualTo(1);
        });
    }

    @Test
    void aWholeStreamAndAPartitionFromOffsetZeroHaveNoHorizon() {
        assertThat(LoadLimits.of(retained(CoordinateKind.SEQUENCE), extent(1, 1), false)).isEmpty();
        assertThat(LoadLimits.of(retained(CoordinateKind.OFFSET), extent(0, 0), false)).isEmpty();
        // a partition whose log starts at offset 1 lost offset 0
        assertThat(LoadLimits.of(retained(CoordinateKind.OFFSET), extent(1, 1), false))
                .extracting(FindingGroup::kind).containsExactly(FindingKind.RETENTION_HORIZON);
    }

    @Test
    void aWindowFromALaterSequenceOrSinceATimeIsAPartialLoadAtItsFirstEvent() {
        for (long from : new long[] {10, 0}) { // from sequence 10; 0 = since an instant
            assertThat(LoadLimits.of(retained(CoordinateKind.SEQUENCE), extent(1, from), false)).singleElement()
                    .satisfies(g -> {
                        assertThat(g.kind()).isEqualTo(FindingKind.PARTIAL_LOAD);
                        assertThat(g.label()).startsWith("only a window of the source was loaded");
                        assertThat(g.firstPosition()).isEqualTo(1);
                    });
        }
    }

    @Test
    void aCancelledLoadPointsAtTheLastEventRead() {
        assertThat(LoadLimits.of(retained(CoordinateKind.SEQUENCE), Completeness.NONE, true)).singleElement()
                .satisfies(g -> {
                    assertThat(g.kind()).isEqualTo(FindingKind.PARTIAL_LOAD);
                    assertThat(g.label()).isEqualTo("load cancelled: later events were not read");
                    assertThat(g.firstPosition()).isEqualTo(5);
                });
    }
}
