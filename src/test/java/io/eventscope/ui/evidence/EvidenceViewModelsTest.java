package io.eventscope.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.audit.evidence.PackChecker;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ProjectionSpecWriter;
import io.eventscope.testing.ViewerSessions;
import io.eventscope.ui.explain.ExplainViewModel;
import io.eventscope.ui.reconcile.ReconcileViewModel;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer's evidence export, Explain list and reconcile, given a loaded ledger and a cursor. */
class EvidenceViewModelsTest {
    @TempDir
    Path dir;

    private final ViewerSessions given = ViewerSessions.banking();
    private final IntegerProperty cursor = new SimpleIntegerProperty();
    private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();

    @BeforeEach
    void ledger() {
        given.open(dir, "ledger", List.of(
                "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"1200.50\",\"timestamp\":\"2024-03-01T09:00:00Z\"}",
                "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":5}",
                "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"200.25\"}",
                "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"plenty\"}",
                "{\"type\":\"Adjustment\",\"account\":\"ACC-1\",\"amount\":\"-0.25\"}"));
    }

    @Test
    void exportAtTheCursorWritesAPackThatVerifiesAndSaysItsRootAndFingerprint() throws Exception {
        EvidenceViewModel model = new EvidenceViewModel(given.feed(), cursor, runner, dir.resolve("keys"), "test");
        cursor.set(3);
        model.export(dir.resolve("pack"));
        assertThat(model.messageProperty().get()).startsWith("Evidence pack of 3 events written to")
                .contains("Merkle root").contains("signed with key").contains("a new key");
        assertThat(new PackChecker(dir.resolve("pack")).check(null)).isNotEmpty();
        assertThat(Files.readString(dir.resolve("pack/state.json"))).contains("\"balance\" : \"1000.25\"");
        model.export(dir.resolve("pack"));
        assertThat(model.messageProperty().get()).contains("is not empty");
    }

    @Test
    void explainListsTheChangesUpToTheCursorAndAPickMovesTheReplay() throws Exception {
        List<Integer> moved = new ArrayList<>();
        ExplainViewModel model = new ExplainViewModel(given.feed(), cursor, runner, moved::add);
        cursor.set(5);
        model.explain("ACC-1");
        assertThat(model.activeProperty().get()).isTrue();
        assertThat(model.steps()).extracting(ExplainViewModel.Row::position).containsExactly(1, 3, 5);
        assertThat(model.steps()).extracting(ExplainViewModel.Row::value).containsExactly("1200.50", "1000.25", "1000.00");
        assertThat(model.titleProperty().get()).isEqualTo("ACC-1 balance after #5: 1000.00 (3 events)");
        model.pick(model.steps().get(1));
        assertThat(moved).containsExactly(3);
        Path csv = dir.resolve("explain.csv");
        model.exportCsv(csv);
        assertThat(Files.readAllLines(csv)).containsExactly("position,type,time,effect,value",
                "1,Deposit,2024-03-01T09:00:00Z,+1200.50,1200.50", "3,Withdrawal,2024-03-01T09:00:00Z,-200.25,1000.25",
                "5,Adjustment,2024-03-01T09:00:00Z,-0.25,1000.00");
    }

    @Test
    void reconcileShowsEveryDifferenceAtTheCursor() throws Exception {
        ReconcileViewModel model = new ReconcileViewModel(given.feed(), cursor, runner);
        cursor.set(3);
        Path csv = dir.resolve("ledger.csv");
        Files.write(csv, List.of("entity,balance", "ACC-1,1000.250", "ACC-3,7"));
        model.reconcile(csv);
        assertThat(model.rows()).containsExactly(new ReconcileViewModel.Row("ACC-2", "", "(not in the file)", "present"),
                new ReconcileViewModel.Row("ACC-3", "", "present", "(not in the source)"));
        assertThat(model.summaryProperty().get()).isEqualTo("ledger.csv at #3: 1 entities match, 0 field differences, "
                + "1 only in the source, 1 only in the file.");
    }

    @Test
    void aSpecWrittenBackReadsAsTheSameSpec() throws Exception {
        var banking = ProjectionSpecReader.banking();
        assertThat(ProjectionSpecReader.parse(ProjectionSpecWriter.recordable(banking), "written")).isEqualTo(banking);
    }

    @Test
    void aSpecTheWriterCannotRecordWhollyIsRefusedNotRecordedWithoutItsInvariants() throws Exception {
        var spec = ProjectionSpecReader.parse("""
                {"name": "guarded", "fields": {"type": "type", "entity": "account"},
                 "state": {"balance": "decimal"},
                 "rules": [{"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"}]}],
                 "invariants": [{"name": "no-overdraft", "check": "balance >= 0"}]}""", "guarded.json");
        assertThat(spec.invariants()).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProjectionSpecWriter.recordable(spec))
                .isInstanceOf(io.eventscope.replay.ProjectionSpecException.class)
                .hasMessageContaining("--projection FILE");
    }

    @Test
    void theChosenSpecIsRecordedAsItsFileWasWrittenWhileItIsTheSpecInUse() throws Exception {
        String text = """
                {"name": "guarded", "fields": {"type": "type", "entity": "account"},
                 "state": {"balance": "decimal"},
                 "rules": [{"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"}]}],
                 "invariants": [{"name": "no-overdraft", "check": "balance >= 0"}]}
                """;
        var chosen = ProjectionSpecReader.parse(text, "guarded.json");
        EvidenceViewModel model = new EvidenceViewModel(given.feed(), cursor, runner, dir.resolve("keys"), "test");
        model.chosen(chosen, text);
        assertThat(model.specText(chosen)).isEqualTo(text);
        var another = ProjectionSpecReader.parse(text, "guarded.json"); // not the spec the window uses
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.specText(another))
                .isInstanceOf(io.eventscope.replay.ProjectionSpecException.class);
        assertThat(model.specText(ProjectionSpecReader.banking()))
                .isEqualTo(ProjectionSpecReader.bundledText("banking"));
    }
}
