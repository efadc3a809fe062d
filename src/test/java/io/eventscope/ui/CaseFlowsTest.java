package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.casefile.Bookmark;
import io.eventscope.casefile.CaseLink;
import io.eventscope.testing.MultiFieldBank;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Through the real window: Ctrl+B bookmarks the cursor's event with a note, a saved case reopens at the same
 * cursor with the same bookmarks (list, slider flags) under the same projection; a link opens at its position;
 * a tampered case is one sentence in the banner and the loaded source stays.
 */
@ExtendWith(ApplicationExtension.class)
class CaseFlowsTest {
    private static final List<String> LOG = List.of(
            "{\"type\":\"AccountOpened\",\"account\":\"ACC-1\",\"status\":\"open\",\"timestamp\":\"2024-03-01T09:00:00Z\"}",
            "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"100.00\",\"timestamp\":\"2024-03-01T09:00:10Z\"}",
            "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":\"30\",\"timestamp\":\"2024-03-01T09:00:20Z\"}",
            "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"5\",\"timestamp\":\"2024-03-01T09:01:30Z\"}",
            "{\"type\":\"Deposit\",\"account\":\"ACC-3\",\"amount\":\"7\",\"timestamp\":\"2024-03-01T09:02:00Z\"}");

    @TempDir
    Path dir;
    private FxHarness ui;

    @Start
    void start(Stage stage) {
        ui = new FxHarness(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private Path openLog() throws Exception {
        Path log = Files.write(dir.resolve("bank.jsonl"), LOG);
        ui.open(log.toString());
        ui.settle();
        return log;
    }

    private void bookmarkWithKeys(FxRobot robot, int position, String note) {
        onFx(() -> ui.model.replay().moveTo(position));
        ui.settle();
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL); // (a click on the slider would move the cursor)
        waitUntil("the note dialog", 10, () -> robot.lookup("#bookmarkNote").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup("#bookmarkAuthor").queryAs(javafx.scene.control.TextField.class).getText()))
                .isEqualTo(fx(() -> ui.model.bookmarks().bookmarks().isEmpty()) ? System.getProperty("user.name", "")
                        : "ann"); // the OS user first, then the name typed last
        robot.clickOn("#bookmarkNote").write(note);
        robot.clickOn("#bookmarkAuthor").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("ann");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> "OK".equals(((javafx.scene.control.Button) n)
                .getText())).queryButton());
        waitUntil("the bookmark", 10, () -> ui.model.bookmarks().bookmarks().stream().anyMatch(b -> b.position() == position));
    }

    @Test
    void aSavedCaseReopensAtTheSameCursorWithItsBookmarksAndProjection(FxRobot robot) throws Exception {
        openLog();
        Path spec = MultiFieldBank.file(dir);
        onFx(() -> ui.model.useProjection(spec));
        waitUntil("the projection", 20, () -> "bank-multi".equals(ui.model.session().spec().name()));
        ui.settle();
        bookmarkWithKeys(robot, 2, "why 100?");
        bookmarkWithKeys(robot, 4, "withdrawal");
        onFx(() -> ui.model.replay().moveTo(3));
        ui.settle();
        Path file = dir.resolve("fraud.esc");
        onFx(() -> ui.model.cases().save(file));
        waitUntil("the case file", 10, () -> Files.exists(file));

        onFx(() -> ui.window.open(io.eventscope.load.Sources.BUNDLED_SAMPLE)); // elsewhere, then back
        waitUntil("the sample", 30, () -> ui.model.bookmarks().bookmarks().isEmpty() && ui.model.session().size() > 5);
        onFx(() -> ui.model.cases().openIfCase(file.toString()));
        waitUntil("the case to reopen", 30, () -> ui.model.session().size() == LOG.size()
                && ui.model.bookmarks().bookmarks().size() == 2);
        ui.settle();

        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(3);
        assertThat(fx(() -> ui.model.session().spec().name())).isEqualTo("bank-multi");
        ListView<?> list = robot.lookup("#bookmarkList").queryAs(ListView.class);
        assertThat(fx(() -> list.isVisible())).isTrue();
        assertThat(fx(() -> list.getItems().stream().map(b -> ((Bookmark) b).note()).toList()))
                .containsExactly("why 100?", "withdrawal");
        Pane strip = robot.lookup("#bookmarkStrip").queryAs(Pane.class);
        waitUntil("two flags under the slider", 10, () -> strip.getChildren().size() == 2);
        assertThat(fx(() -> ui.model.session().errorProperty().get())).isNull();

        assertThat(fx(list::getHeight)).as("the list has room for its rows").isGreaterThan(40);
        robot.clickOn(robot.lookup("#bookmarkList .list-cell").match(c -> ((javafx.scene.control.ListCell<?>) c)
                .getText() != null && ((javafx.scene.control.ListCell<?>) c).getText().contains("withdrawal"))
                .queryAs(javafx.scene.control.ListCell.class)); // a click on a bookmark jumps to it
        waitUntil("the jump", 10, () -> ui.model.replay().cursor() == 4);
    }

    @Test
    void aCaseKeepsTheWindowItsSessionWasLoadedWithAcrossAReopenAndAProjectionSwitch() throws Exception {
        try (var server = io.eventscope.cli.bench.NatsServerProcess.start();
             var broker = new io.eventscope.testing.JetStreamFixtures(server.url())) {
            broker.createStream("ledger", "ledger.>");
            broker.publish(LOG, List.of("ledger.events"), null);
            String stream = "nats://" + server.hostPort() + "/ledger";
            onFx(() -> ui.window.open(stream));
            waitUntil("the stream", 30, () -> ui.model.session().size() == LOG.size());
            onFx(() -> ui.model.replay().moveTo(1));
            ui.settle();
            Path whole = dir.resolve("whole.esc");
            onFx(() -> ui.model.cases().save(whole));
            waitUntil("the case file", 10, () -> Files.exists(whole));
            assertThat(io.eventscope.casefile.CaseFileReader.read(whole).window().isAll()).isTrue();
            // The same case as a colleague saved it with the last 3 events of the stream.
            Path windowed = Files.writeString(dir.resolve("last3.esc"),
                    Files.readString(whole).replace("\"window\" : { }", "\"window\" : {\"last\" : 3}"));

            onFx(() -> ui.model.cases().openIfCase(windowed.toString()));
            waitUntil("the case to reopen", 30, () -> ui.model.session().errorProperty().get() != null
                    || ui.model.session().session().loaded().window().last() == 3 && ui.model.session().size() == 3);
            assertThat(fx(() -> ui.model.session().errorProperty().get())).isNull();
            ui.settle();
            onFx(() -> ui.model.useProjection(MultiFieldBank.file(dir)));
            waitUntil("the projection", 20, () -> "bank-multi".equals(ui.model.session().spec().name()));
            ui.settle();
            Path again = dir.resolve("again.esc");
            onFx(() -> ui.model.cases().save(again));
            waitUntil("the saved case", 10, () -> Files.exists(again));

            assertThat(io.eventscope.casefile.CaseFileReader.read(again).window())
                    .isEqualTo(new io.eventscope.source.LoadWindow(0, null, 3));
            assertThat(fx(() -> ui.model.session().size())).as("still the window's events").isEqualTo(3);
        }
    }

    @Test
    void aLinkOpensItsSourceAtItsPosition() throws Exception {
        Path log = Files.write(dir.resolve("other.jsonl"), LOG);
        String link = CaseLink.format(log.toString(), 4);

        onFx(() -> ui.model.cases().openIfCase(link));
        waitUntil("the link's source", 30, () -> ui.model.session().size() == LOG.size() && ui.model.replay().cursor() == 4);
        ui.settle();
        assertThat(fx(() -> ui.model.replay().whereProperty().get())).contains("4");
    }

    @Test
    void aTamperedCaseIsOneSentenceAndTheLoadedSourceStays(FxRobot robot) throws Exception {
        openLog();
        onFx(() -> ui.model.replay().moveTo(2));
        ui.settle();
        Path file = Files.writeString(dir.resolve("bad.esc"), "{\"version\":1,\"source\":\"nats://ops:pw@h/s\","
                + "\"cursor\":1,\"bookmarks\":[{\"position\":99999999999}]}");

        onFx(() -> ui.model.cases().openIfCase(file.toString()));
        waitUntil("the banner", 10, () -> ui.model.session().errorProperty().get() != null);

        String message = fx(() -> ((Label) ui.window.lookup("#errorMessage")).getText());
        assertThat(message).isEqualTo("The case file's source carries a user name or password; case files and links "
                + "never do, so it was not opened (the viewer asks for them).");
        assertThat(fx(() -> ui.model.session().size())).isEqualTo(LOG.size());
        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(2);
    }
}
