package io.eventscope.ui;

import static io.eventscope.ui.task.FxThread.call;
import static io.eventscope.ui.task.FxThread.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.MultiFieldBank;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's own state without a window: given a small log loaded synchronously, the summary, the
 * names the filters offer, and Reload. On the FX thread for the session's poll; no TestFX, no stage.
 */
class MainViewModelTest {
    private static final List<String> LOG = List.of(
            "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"100.00\",\"timestamp\":\"2024-03-01T09:00:00Z\"}",
            "{\"type\":\"withdrawal\",\"account\":\"ACC-2\",\"amount\":\"30\",\"timestamp\":\"2024-03-01T09:00:10Z\"}",
            "not json at all",
            "{\"type\":\"Deposit\",\"account\":\"ACC-10\",\"amount\":\"5\",\"timestamp\":\"2024-03-01T09:00:20Z\"}",
            "{\"type\":\"AccountOpened\",\"account\":\"ACC-3\",\"timestamp\":\"2024-03-01T09:01:30Z\"}");

    @TempDir
    Path dir;
    private Path file;
    private MainViewModel model;

    private void givenTheLogIsOpen() throws IOException {
        file = dir.resolve("ledger.jsonl");
        Files.write(file, LOG);
        run(() -> {
            model = new MainViewModel(new CurrentThreadTaskRunner(), ProjectionSpecReader.banking(), ZoneOffset.UTC);
            model.open(file.toString());
        });
    }

    @AfterEach
    void close() {
        if (model != null) {
            run(model::dispose);
        }
    }

    @Test
    void theSummarySaysNothingUntilAFilterNarrowsTheTable() throws IOException {
        givenTheLogIsOpen();
        assertThat(call(() -> model.summaryProperty().get())).isEmpty();

        run(() -> model.filter().flaggedOnlyProperty().set(true));
        assertThat(call(() -> model.summaryProperty().get())).isEqualTo("1 of 5 shown");

        run(() -> {
            model.filter().flaggedOnlyProperty().set(false);
            model.filter().types().addAll(List.of("Deposit", "AccountOpened"));
        });
        assertThat(call(() -> model.summaryProperty().get())).isEqualTo("3 of 5 shown");

        run(() -> model.filter().clear());
        assertThat(call(() -> model.summaryProperty().get())).isEmpty();
    }

    @Test
    void theTypePickerOffersEveryTypeSeenSortedWhateverItsCase() throws IOException {
        givenTheLogIsOpen();

        assertThat(call(() -> List.copyOf(model.names().types())))
                .containsExactly("AccountOpened", "Deposit", "withdrawal");
    }

    @Test
    void theEntityFilterCompletesFromTheEntityIdsOfTheSource() throws IOException {
        givenTheLogIsOpen();

        assertThat(model.names().entitiesContaining("acc-1", 20)).containsExactly("ACC-1", "ACC-10");
        assertThat(model.names().entitiesContaining("acc-", 2)).hasSize(2);
        assertThat(model.names().entitiesContaining("nobody", 20)).isEmpty();
    }

    @Test
    void reloadReadsTheSameSourceAgainFromTheStart() throws IOException {
        givenTheLogIsOpen();
        assertThat(call(() -> model.canReloadProperty().get())).isTrue();
        Files.writeString(file, "{\"type\":\"Deposit\",\"account\":\"ACC-4\",\"amount\":\"1\"}\n",
                StandardOpenOption.APPEND);

        run(model::reload);

        assertThat(call(() -> model.session().size())).isEqualTo(6);
        assertThat(call(() -> model.replay().cursor())).isEqualTo(6);
        assertThat(call(() -> List.copyOf(model.names().types()))).containsExactly("AccountOpened", "Deposit",
                "withdrawal");
    }

    @Test
    void aProjectionSwitchReplaysTheOpenSourceUnderTheNewSpecKeepingCursorAndChartedEntities() throws IOException {
        givenTheLogIsOpen();
        Path spec = MultiFieldBank.file(dir);
        run(() -> {
            model.replay().moveTo(2);
            model.state().selectedEntities().setAll("ACC-2");
        });

        run(() -> model.useProjection(spec));

        assertThat(call(() -> model.session().errorProperty().get())).isNull();
        assertThat(call(() -> model.projectionProperty().get().name())).isEqualTo("bank-multi");
        assertThat(call(() -> model.session().session().spec().name())).isEqualTo("bank-multi");
        assertThat(call(() -> model.replay().cursor())).isEqualTo(2);
        assertThat(call(() -> List.copyOf(model.state().selectedEntities()))).containsExactly("ACC-2");
        assertThat(call(() -> model.state().columns().stream().map(c -> c.field()).toList()))
                .containsExactly("balance", "deposited", "status");
        assertThat(call(() -> List.copyOf(model.chart().fields()))).containsExactly("balance", "deposited");
        // after position 2 only ACC-1's deposit of 100.00 and ACC-2's withdrawal of 30 are folded
        assertThat(call(() -> model.state().allRows().stream()
                .map(r -> r.entity() + "=" + r.decimal("balance").toPlainString() + "/"
                        + r.decimal("deposited").toPlainString()).toList()))
                .containsExactly("ACC-1=100.00/100.00", "ACC-2=-30/0");

        run(model::reload); // Reload keeps the projection switched to
        assertThat(call(() -> model.session().session().spec().name())).isEqualTo("bank-multi");
    }

    @Test
    void aProjectionSwitchDoesNotReadTheFileAgain() throws IOException {
        givenTheLogIsOpen();
        Path spec = MultiFieldBank.file(dir);
        Files.delete(file);

        run(() -> model.useProjection(spec));

        assertThat(call(() -> model.session().errorProperty().get())).isNull();
        assertThat(call(() -> model.session().session().spec().name())).isEqualTo("bank-multi");
        assertThat(call(() -> model.session().size())).isEqualTo(LOG.size());
        assertThat(call(() -> model.state().allRows().stream().map(r -> r.entity()).toList()))
                .contains("ACC-1", "ACC-2", "ACC-3", "ACC-10");
    }

    @Test
    void aSpecWithAnErrorKeepsTheOldProjectionAndSaysWhyInOneSentence() throws IOException {
        givenTheLogIsOpen();
        Path bad = Files.writeString(dir.resolve("typo.json"), MultiFieldBank.JSON.replace("\"add\"", "\"mul\""));
        var before = call(() -> model.session().session());
        run(() -> model.replay().moveTo(3));

        run(() -> model.useProjection(bad));

        String error = call(() -> model.session().errorProperty().get());
        assertThat(error).contains("typo.json").doesNotContain("\n").doesNotContain("Exception");
        assertThat(call(() -> model.session().session())).isSameAs(before);
        assertThat(call(() -> model.projectionProperty().get().name())).isEqualTo("banking");
        assertThat(call(() -> model.replay().cursor())).isEqualTo(3);
        assertThat(call(() -> model.state().columns().stream().map(c -> c.field()).toList())).containsExactly("balance");
        assertThat(call(() -> model.session().loadingProperty().get())).isFalse();

        run(() -> model.useProjection(dir.resolve("missing.json")));
        assertThat(call(() -> model.session().errorProperty().get())).contains("missing.json").contains("does not exist");
        assertThat(call(() -> model.session().session())).isSameAs(before);

        Path log = Files.write(dir.resolve("big.jsonl"), java.util.Collections.nCopies(20_000, LOG.get(0)));
        run(() -> model.useProjection(log)); // the event log picked by mistake
        assertThat(call(() -> model.session().errorProperty().get())).startsWith("big.jsonl is too large to be a projection spec");
        assertThat(call(() -> model.projectionProperty().get().name())).isEqualTo("banking");
    }

    @Test
    void withNothingOpenTheChosenProjectionReadsTheNextSource() throws IOException {
        Path spec = MultiFieldBank.file(dir);
        file = dir.resolve("ledger.jsonl");
        Files.write(file, LOG);
        run(() -> {
            model = new MainViewModel(new CurrentThreadTaskRunner(), ProjectionSpecReader.banking(), ZoneOffset.UTC);
            model.useProjection(spec);
            model.open(file.toString());
        });

        assertThat(call(() -> model.session().session().spec().name())).isEqualTo("bank-multi");
        assertThat(call(() -> model.state().columns().size())).isEqualTo(3);
    }
}
