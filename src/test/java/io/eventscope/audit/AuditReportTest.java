package io.eventscope.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.source.Completeness;
import io.eventscope.testing.Loads;
import io.eventscope.testing.SampleLines;
import io.eventscope.testing.Timelines;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One report of findings for a loaded source: the counts, the groups, the summary and the verdict. */
class AuditReportTest {
    private static final List<String> GOOD = List.of(
            "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":10}",
            "{\"type\":\"Withdrawal\",\"account\":\"A\",\"amount\":\"2.50\"}");

    @Test
    void theSampleHasOneFindingPerUntrustworthyLine() {
        LoadedSource sample = Loads.read(SampleLines.FILE.toString());
        List<Integer> bad = SampleLines.badPositions();

        AuditReport report = AuditReport.of(sample);

        assertThat(report.clean()).isFalse();
        assertThat(report.findingCount()).isEqualTo(bad.size());
        assertThat(report.summary()).isEqualTo(bad.size() + " flagged");
        assertThat(report.verdict()).isEqualTo(bad.size() + " findings. Flagged events are kept in the timeline "
                + "and skipped by replay.");
        assertThat(report.groups()).allSatisfy(g -> {
            assertThat(g.kind()).isEqualTo(FindingKind.FLAGGED_EVENT);
            assertThat(bad).contains(g.firstPosition());
        });
        assertThat(report.groups()).extracting(FindingGroup::firstPosition).contains(bad.get(0));
        assertThat(report.groups().stream().mapToLong(FindingGroup::count).sum()).isGreaterThanOrEqualTo(bad.size());
    }

    @Test
    void goodEventsFromAFileAreClean() {
        Timeline t = Timelines.banking("acct", GOOD);

        AuditReport report = AuditReport.of("acct.jsonl", t, Completeness.NONE, null);

        assertThat(report.clean()).isTrue();
        assertThat(report.findingCount()).isZero();
        assertThat(report.groups()).isEmpty();
        assertThat(report.summary()).isEqualTo("clean");
        assertThat(report.verdict()).isEqualTo("clean, no findings.");
    }

    @Test
    void gapsAndAPartialLoadAreFindingsOfTheirOwn() {
        Timeline t = Timelines.banking("acct", GOOD);
        Completeness holes = new Completeness(List.of(new Completeness.StreamExtent("orders$1", 1, 20, 1, 15,
                List.of(new Completeness.Gap(4, 6, "deleted"), new Completeness.Gap(9, 10, "deleted")))), 0, 0);

        AuditReport report = AuditReport.of("nats://h/orders", t, holes, "Stopped loading nats://h/orders early.");

        assertThat(report.gaps()).isEqualTo(2);
        assertThat(report.findingCount()).isEqualTo(3);
        assertThat(report.groups()).extracting(FindingGroup::kind)
                .containsExactly(FindingKind.SEQUENCE_GAP, FindingKind.PARTIAL_LOAD);
        assertThat(report.groups().get(0).count()).isEqualTo(2);
        assertThat(report.groups().get(0).hasPosition()).isFalse();
        assertThat(report.summary()).isEqualTo("2 gaps · partial load");
        assertThat(report.verdict()).isEqualTo("3 findings. 2 gaps in the stream sequences: the broker no longer "
                + "holds those messages. The source was not read to its end (memory budget).");
    }

    @Test
    void resendsAndRepeatedIdsAreNotCountedBesideTheirFlags() {
        Timeline t = Timelines.banking("acct", GOOD);
        Completeness resent = new Completeness(List.of(new Completeness.StreamExtent("orders$1", 1, 2, 1, 2,
                List.of())), 3, 2);

        AuditReport report = AuditReport.of("nats://h/orders", t, resent, null);

        assertThat(report.findingCount()).isZero();
        assertThat(report.clean()).isTrue();
    }
}
