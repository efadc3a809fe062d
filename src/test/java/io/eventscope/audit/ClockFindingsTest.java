package io.eventscope.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.EventTimes;
import io.eventscope.event.TimelineWriter;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.Completeness;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Event time against broker time, and event times going backwards, as verify and the viewer report them. */
class ClockFindingsTest {
    /** A stream in memory: each event's payload time and the time the broker stored it. */
    private record Stream(List<String[]> events) implements EventSource {
        public String displayName() {
            return "clocks";
        }

        public String defaultEntity() {
            return "clocks";
        }

        public CoordinateKind coordinateKind() {
            return CoordinateKind.SEQUENCE;
        }

        public void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled) {
            long seq = 1;
            for (String[] e : events) {
                String json = e[0] == null ? "{\"type\": \"Deposit\", \"account\": \"a\", \"amount\": \"1\"}"
                        : "{\"type\": \"Deposit\", \"account\": \"a\", \"amount\": \"1\", \"timestamp\": \"" + e[0] + "\"}";
                byte[] b = json.getBytes(StandardCharsets.UTF_8);
                writer.append(b, 0, b.length, null, seq++, EventTimes.toNanos(Instant.parse(e[1])), Map.of(), List.of());
            }
        }
    }

    /** A stream whose sequences 3 and 4 are gone: the load knows it from the sequences it got. */
    private record Gappy() implements EventSource {
        public String displayName() {
            return "gappy";
        }

        public String defaultEntity() {
            return "gappy";
        }

        public CoordinateKind coordinateKind() {
            return CoordinateKind.SEQUENCE;
        }

        public void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled) {
            for (long seq : new long[] {1, 2, 5, 6}) {
                byte[] b = "{\"type\": \"Deposit\", \"account\": \"a\", \"amount\": \"1\"}".getBytes(StandardCharsets.UTF_8);
                writer.append(b, 0, b.length, null, seq, EventTimes.NONE, Map.of(), List.of());
            }
        }

        public Completeness completeness() {
            return new Completeness(List.of(new Completeness.StreamExtent("gappy", 1, 6, 1, 4,
                    List.of(new Completeness.Gap(3, 4, "deleted")))), 0, 0);
        }
    }

    @Test
    void theGapGroupPointsAtTheFirstEventAfterTheFirstGap() throws Exception {
        try (LoadedSource loaded = TimelineLoad.under(ProjectionSpecReader.banking()).open(new Gappy())) {
            FindingGroup gaps = group(AuditReport.of(loaded), FindingKind.SEQUENCE_GAP);
            assertThat(gaps.firstPosition()).isEqualTo(3); // sequence 5, the third event read
            assertThat(gaps.count()).isEqualTo(1);
        }
    }

    private static final List<String[]> EVENTS = List.of(
            new String[] {"2024-03-01T10:00:00Z", "2024-03-01T10:00:30Z"},  // 30 s apart: fine
            new String[] {"2024-03-01T10:20:00Z", "2024-03-01T10:01:00Z"},  // 19 minutes ahead
            new String[] {null, "2024-03-01T10:01:30Z"},                    // no event time: nothing to compare
            new String[] {"2024-03-01T10:04:00Z", "2024-03-01T10:02:00Z"},  // 2 minutes, and before 10:20
            new String[] {"2024-03-01T10:05:00Z", "2024-03-01T10:03:00Z"});

    private static AuditReport audit(String extra) throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse(ProjectionSpecReader.bundledText("banking")
                .replaceFirst("\"state\"", extra + "\"state\""), "banking.json");
        try (LoadedSource loaded = TimelineLoad.under(spec).open(new Stream(EVENTS))) {
            return AuditReport.of(loaded);
        }
    }

    private static FindingGroup group(AuditReport r, FindingKind kind) {
        return r.groups().stream().filter(g -> g.kind() == kind).findFirst().orElse(null);
    }

    @Test
    void skewBeyondFiveMinutesAndATimeGoingBackwardsAreFindings() throws Exception {
        AuditReport r = audit("");
        assertThat(group(r, FindingKind.CLOCK_SKEW)).isEqualTo(new FindingGroup(FindingKind.CLOCK_SKEW,
                "event and broker time more than 5m apart", 1, 2));
        assertThat(group(r, FindingKind.TIME_BACKWARDS).count()).isEqualTo(1);
        assertThat(group(r, FindingKind.TIME_BACKWARDS).firstPosition()).isEqualTo(4);
        assertThat(r.findingCount()).isEqualTo(2);
        assertThat(r.summary()).isEqualTo("1 skewed clocks · 1 times backwards");
        assertThat(r.verdict()).contains("disagree by more than PT5M").contains("backwards");
    }

    @Test
    void theSpecSetsTheThreshold() throws Exception {
        AuditReport r = audit("\"clockSkew\": \"PT90S\", ");
        assertThat(r.clocks().skewed()).containsExactly(2, 4, 5);
        assertThat(audit("\"clockSkew\": \"PT1H\", ").clocks().skewedCount()).isZero();
    }
}
