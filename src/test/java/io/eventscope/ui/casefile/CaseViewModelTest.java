package io.eventscope.ui.casefile;

import static io.eventscope.ui.task.FxThread.call;
import static io.eventscope.ui.task.FxThread.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.casefile.Bookmark;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.MultiFieldBank;
import io.eventscope.ui.MainViewModel;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save case → open case in a fresh window model, without a window: the same source, projection, cursor,
 * filters, charted entities and bookmarks; a changed source or projection and a tampered file are said in
 * one sentence and lose nothing that is loaded.
 */
class CaseViewModelTest {
    private static final List<String> LOG = List.of(
            "{\"type\":\"AccountOpened\",\"account\":\"ACC-1\",\"status\":\"open\",\"timestamp\":\"2024-03-01T09:00:00Z\"}",
            "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"100.00\",\"timestamp\":\"2024-03-01T09:00:10Z\"}",
            "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":\"30\",\"timestamp\":\"2024-03-01T09:00:20Z\"}",
            "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"5\",\"timestamp\":\"2024-03-01T09:01:30Z\"}");

    @TempDir
    Path dir;
    private final List<MainViewModel> models = new ArrayList<>();

    private MainViewModel window() {
        return call(() -> {
            MainViewModel m = new MainViewModel(new CurrentThreadTaskRunner(), ProjectionSpecReader.banking(), ZoneOffset.UTC);
            models.add(m);
            return m;
        });
    }

    @AfterEach
    void close() {
        models.forEach(m -> run(m::dispose));
    }

    private Path savedCase(Path log, Path spec) throws IOException {
        MainViewModel first = window();
        Path file = dir.resolve("case.esc");
        run(() -> {
            first.open(log.toString());
            if (spec != null) {
                first.useProjection(spec);
            }
            first.replay().moveTo(3);
            first.bookmarks().addAtCursor("second deposit", "ann");
            first.replay().moveTo(2);
            first.bookmarks().addAtCursor("first deposit", "ann");
            first.filter().textProperty().set("Deposit");
            first.filter().apply();
            first.state().selectedEntities().setAll("ACC-2");
            first.cases().save(file);
        });
        assertThat(call(() -> first.session().errorProperty().get())).isNull();
        return file;
    }

    @Test
    void aReopenedCaseShowsTheSameMomentWithItsBookmarks() throws IOException {
        Path log = Files.write(dir.resolve("bank.jsonl"), LOG);
        Path spec = MultiFieldBank.file(dir);
        Path file = savedCase(log, spec);
        assertThat(Files.readString(file)).contains(spec.toAbsolutePath().toString());

        MainViewModel second = window();
        run(() -> second.cases().open(file));

        assertThat(call(() -> second.session().errorProperty().get())).isNull();
        assertThat(call(() -> second.session().spec().name())).isEqualTo("bank-multi");
        assertThat(call(() -> second.session().size())).isEqualTo(4);
        assertThat(call(() -> second.replay().cursor())).isEqualTo(2);
        assertThat(call(() -> second.filter().textProperty().get())).isEqualTo("Deposit");
        assertThat(call(() -> List.copyOf(second.state().selectedEntities()))).containsExactly("ACC-2");
        List<Bookmark> marks = call(() -> List.copyOf(second.bookmarks().bookmarks()));
        assertThat(marks).extracting(Bookmark::position).containsExactly(2, 3);
        assertThat(marks).extracting(Bookmark::note).containsExactly("first deposit", "second deposit");
        assertThat(marks).extracting(Bookmark::author).containsOnly("ann");
        assertThat(call(() -> second.session().statusProperty().get())).contains("Case opened at #2 with 2 bookmarks");
    }

    @Test
    void aSourceThatChangedIsSaidAndMarked() throws IOException {
        Path log = Files.write(dir.resolve("bank.jsonl"), LOG);
        Path file = savedCase(log, null);
        // event #3 is now a different one, and the source ends before the cursor's and a bookmark's event would be
        Files.write(log, List.of(LOG.get(0), LOG.get(1), LOG.get(3).replace("ACC-1", "ACC-9")));

        MainViewModel second = window();
        run(() -> second.cases().open(file));

        assertThat(call(() -> second.session().errorProperty().get()))
                .isEqualTo("1 bookmarked event now holds a different event (#3). The marks show which.");
        assertThat(call(() -> second.bookmarks().statusOf(second.bookmarks().bookmarks().get(1))))
                .isEqualTo(io.eventscope.casefile.BookmarkCheck.Status.DIFFERENT);
        Files.write(log, List.of(LOG.get(0)));
        run(() -> second.cases().open(file));
        assertThat(call(() -> second.session().errorProperty().get())).isEqualTo("The case's cursor #2 is past the "
                + "end of the source now (1 events); the cursor is at the end. 2 bookmarked events are no longer in "
                + "the source (#2, #3). The marks show which.");
    }

    @Test
    void aTamperedCaseChangesNothingThatIsLoaded() throws IOException {
        Path log = Files.write(dir.resolve("bank.jsonl"), LOG);
        Path file = savedCase(log, null);
        MainViewModel second = window();
        run(() -> {
            second.open(log.toString());
            second.replay().moveTo(1);
        });
        Files.writeString(file, Files.readString(file).replace("\"cursor\"", "\"produce\" : true, \"cursor\""));

        run(() -> second.cases().open(file));

        assertThat(call(() -> second.session().errorProperty().get())).isEqualTo(
                "This case file cannot be opened: the case has an unknown key \"produce\". Nothing was changed.");
        assertThat(call(() -> second.replay().cursor())).isEqualTo(1);
        assertThat(call(() -> second.session().size())).isEqualTo(4);
    }

    @Test
    void aChangedProjectionFileIsRefused() throws IOException {
        Path log = Files.write(dir.resolve("bank.jsonl"), LOG);
        Path spec = MultiFieldBank.file(dir);
        Path file = savedCase(log, spec);
        Files.writeString(spec, MultiFieldBank.JSON.replace("\"subtract\"", "\"add\""));

        MainViewModel second = window();
        run(() -> second.cases().open(file));

        assertThat(call(() -> second.session().errorProperty().get())).contains("has changed since the case was saved");
        assertThat(call(() -> second.session().session())).isNull();
    }

    @Test
    void aBrokerSourceAsksForCredentialsAndACancelOpensNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("b.esc"),
                "{\"version\":1,\"source\":\"nats://127.0.0.1:1/payments\",\"signIn\":true,\"cursor\":5}");
        MainViewModel second = window();
        List<String> asked = new ArrayList<>();
        run(() -> {
            second.cases().setSignIn(source -> {
                asked.add(source);
                return Optional.empty();
            });
            second.cases().open(file);
        });
        assertThat(asked).containsExactly("nats://127.0.0.1:1/payments");
        assertThat(call(() -> second.session().statusProperty().get())).contains("Case not opened");
        assertThat(call(() -> second.session().session())).isNull();
    }

    @Test
    void aCopiedLinkOpensTheSameSourceAtTheSamePosition() throws IOException {
        Path log = Files.write(dir.resolve("bank.jsonl"), LOG);
        MainViewModel first = window();
        String link = call(() -> {
            first.open(log.toString());
            first.replay().moveTo(3);
            return first.cases().link();
        });
        assertThat(link).startsWith("eventscope://open?source=").endsWith("&position=3");

        MainViewModel second = window();
        run(() -> second.cases().openLink(link));

        assertThat(call(() -> second.session().size())).isEqualTo(4);
        assertThat(call(() -> second.replay().cursor())).isEqualTo(3);
    }

    private static java.util.Map<String, java.math.BigDecimal> balancesAt(MainViewModel m, int position) {
        return call(() -> {
            java.util.Map<String, java.math.BigDecimal> out = new java.util.TreeMap<>();
            m.session().session().engine().stateAt(position).entities()
                    .forEach(e -> out.put(e.entity(), e.decimal("balance")));
            return out;
        });
    }

    @Test
    void aCaseSavedFromAHeldWindowReopensHeldAtTheSameEventsWithTheWholeHistorysBalances() throws IOException {
        List<String> lines = io.eventscope.testing.SampleLines.lines();
        Path log = Files.write(dir.resolve("big.jsonl"), lines);
        MainViewModel first = window();
        Path file = dir.resolve("held.esc");
        run(() -> {
            first.session().access().setMemoryBudgetBytes(2L << 20);
            first.open(log.toString()); // offered a window before loading
            first.heldWindow().loadLast();
            first.replay().moveTo(10);
            first.bookmarks().addAtCursor("in the window", "ann");
            first.cases().save(file);
        });
        int before = call(() -> first.session().session().loaded().positionsBefore());
        int held = call(() -> first.session().size());
        assertThat(before).isPositive();
        // the source grows after the case was saved: the reopened window still starts at the same event
        Files.write(log, List.of(LOG.get(1), LOG.get(2)), java.nio.file.StandardOpenOption.APPEND);

        MainViewModel second = window();
        run(() -> second.cases().open(file));

        assertThat(call(() -> second.session().errorProperty().get())).isNull();
        assertThat(call(() -> second.session().session().loaded().positionsBefore())).isEqualTo(before);
        assertThat(call(() -> second.session().size())).isEqualTo(held + 2);
        assertThat(call(() -> second.replay().cursor())).isEqualTo(10);
        assertThat(call(() -> second.heldWindow().extentProperty().get())).contains("earlier history folded in");
        assertThat(balancesAt(second, 1)).as("not restarted at zero")
                .isEqualTo(new java.util.TreeMap<>(io.eventscope.testing.NaiveBankFold.afterLines(lines, before + 1)));
        assertThat(balancesAt(second, 10)).isEqualTo(balancesAt(first, 10));
        assertThat(call(() -> second.bookmarks().statusOf(second.bookmarks().bookmarks().get(0))))
                .isEqualTo(io.eventscope.casefile.BookmarkCheck.Status.SAME);
    }
}
