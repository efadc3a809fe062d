package io.eventscope.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.audit.FindingGroup;
import io.eventscope.audit.FindingKind;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.SampleLines;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import io.eventscope.ui.task.ManualTicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer's findings follow the opened source, without a window. */
class FindingsViewModelTest {
    private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
    private final SessionViewModel session = new SessionViewModel(runner, ProjectionSpecReader.banking(),
            new ManualTicker());
    private final FindingsViewModel findings = new FindingsViewModel(runner, session);

    @Test
    void nothingIsShownBeforeASourceIsOpen() {
        assertThat(findings.summaryProperty().get()).isEmpty();
        assertThat(findings.groups()).isEmpty();
    }

    @Test
    void aLoadedSampleShowsItsFlaggedEventsByReason() {
        session.open(SampleLines.FILE.toString());

        List<Integer> bad = SampleLines.badPositions();
        assertThat(findings.summaryProperty().get()).isEqualTo(bad.size() + " flagged");
        assertThat(findings.cleanProperty().get()).isFalse();
        assertThat(findings.groups()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.kind()).isEqualTo(FindingKind.FLAGGED_EVENT);
            assertThat(bad).contains(g.firstPosition());
        });
    }

    @Test
    void choosingAGroupGoesToItsFirstPosition() {
        session.open(SampleLines.FILE.toString());
        List<Integer> visited = new ArrayList<>();
        findings.setOnGoTo(visited::add);
        FindingGroup first = findings.groups().get(0);

        findings.goToFirst(first);

        assertThat(visited).containsExactly(first.firstPosition());
        assertThat(findings.describe(first)).startsWith(first.label() + ": ")
                .endsWith(" · first at #" + SampleLines.grouped(first.firstPosition()));
    }

    @Test
    void aLoadCutAtTheBudgetIsAFindingToo() {
        session.access().setMemoryBudgetBytes(2L << 20);

        session.open(SampleLines.FILE.toString());

        assertThat(findings.summaryProperty().get()).endsWith(" · partial load");
        assertThat(findings.groups()).extracting(FindingGroup::kind).contains(FindingKind.PARTIAL_LOAD);
    }

    @Test
    void aCleanFileSaysClean(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean.jsonl");
        Files.writeString(clean, "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}\n");

        session.open(clean.toString());

        assertThat(findings.summaryProperty().get()).isEqualTo("clean");
        assertThat(findings.cleanProperty().get()).isTrue();
        assertThat(findings.groups()).isEmpty();
    }

    @Test
    void openingAnotherSourceReplacesTheFindings(@TempDir Path dir) throws Exception {
        session.open(SampleLines.FILE.toString());
        Path clean = dir.resolve("clean.jsonl");
        Files.writeString(clean, "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}\n");

        session.open(clean.toString());

        assertThat(findings.summaryProperty().get()).isEqualTo("clean");
        assertThat(findings.groups()).isEmpty();
    }

    @Test
    void repeatedEventIdsAreInTheBannerButABadPayloadIsNot(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("repeats.jsonl");
        Files.writeString(log, String.join("\n",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1,\"eventId\":\"e1\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1,\"eventId\":\"e1\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":5,\"eventId\":\"e1\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"x\",\"eventId\":\"e2\"}") + "\n");

        session.open(log.toString());

        // Position 2 repeats #1 exactly, position 3 conflicts with it; position 4's amount is bad.
        assertThat(findings.bannerGroups()).extracting(FindingGroup::firstPosition).containsExactlyInAnyOrder(2, 3);
        assertThat(findings.groups()).extracting(FindingGroup::firstPosition).contains(2, 3, 4);
    }
}
