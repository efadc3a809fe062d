package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.audit.FindingGroup;
import io.eventscope.audit.FindingKind;
import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.testing.JetStreamFixtures;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The two clocks against a real nats-server stream whose payload times (2024) are not its broker times
 * (now): the toggle moves the slider's times and Go to… onto the broker's clock. And the banner's jump to
 * the retention horizon of a stream that keeps only its last messages.
 */
@ExtendWith(ApplicationExtension.class)
class ClockFlowsTest {
    /** Payload times in stream order; the fourth goes back before the third. */
    private static final List<String> EVENT_TIMES = List.of("2024-03-01T10:00:00Z", "2024-03-01T10:01:00Z",
            "2024-03-01T10:02:00Z", "2024-03-01T09:59:00Z", "2024-03-01T10:03:00Z", "2024-03-01T10:04:00Z");
    private static NatsServerProcess server;
    private static JetStreamFixtures broker;

    @TempDir
    Path dir;
    private FxHarness ui;

    @BeforeAll
    static void streams() throws Exception {
        server = NatsServerProcess.start();
        broker = new JetStreamFixtures(server.url());
        broker.createStream("clocks", "clocks.>");
        broker.publish(EVENT_TIMES.stream().map(ClockFlowsTest::deposit).toList(), List.of("clocks.a"), null);
        broker.jsm().addStream(StreamConfiguration.builder().name("short").subjects("short.>").maxMessages(5)
                .storageType(StorageType.File).build());
        for (int i = 0; i < 8; i++) {
            broker.publish("short.a", deposit(EVENT_TIMES.get(i % 3)), null);
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        ui = new FxHarness(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private static String deposit(String time) {
        return "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"1\",\"timestamp\":\"" + time + "\"}";
    }

    /** The broker's own record of when it stored {@code seq}, asked of the server, not of the viewer. */
    private static Instant stored(String stream, long seq) throws Exception {
        return broker.jsm().getMessage(stream, seq).getTime().toInstant();
    }

    private static String url(String stream) {
        return "nats://" + server.hostPort() + "/" + stream;
    }

    /** Types {@code text} into Go to… (opened with its button) and presses OK. */
    private void goTo(FxRobot robot, String text) {
        robot.clickOn("#replayGoTo");
        waitUntil("the Go to dialog", 10, () -> robot.lookup("#goToInput").tryQuery().map(Node::isVisible).orElse(false));
        TextField input = robot.lookup("#goToInput").queryAs(TextField.class);
        onFx(() -> input.setText(text));
        robot.clickOn(fx(() -> ((DialogPane) input.getScene().getRoot()).lookupButton(ButtonType.OK)));
    }

    private int slider() {
        return (int) Math.round(fx(() -> ui.window.replayBar().slider().getValue()));
    }

    @Test
    void theClockToggleMovesTheSliderTimesAndGoToOntoBrokerTime(FxRobot robot) throws Exception {
        ui.open(url("clocks"));
        ui.settle();
        ToggleButton toggle = robot.lookup("#replayClock").queryAs(ToggleButton.class);
        assertThat(fx(toggle::isDisabled)).isFalse();
        assertThat(fx(toggle::getText)).contains("Event time");
        assertThat(fx(() -> ui.model.replay().firstTimeProperty().get())).startsWith("2024-03-01 10:00");

        // On event time, 10:01:30 is after the first two payload times only.
        goTo(robot, "2024-03-01T10:01:30Z");
        waitUntil("the cursor on #2", 10, () -> ui.model.replay().cursor() == 2);
        assertThat(slider()).isEqualTo(2);
        // The broker stored the fourth message in the present: on event time that instant is after them all.
        String fourthStored = stored("clocks", 4).toString();
        goTo(robot, fourthStored);
        waitUntil("the cursor on #6", 10, () -> ui.model.replay().cursor() == 6);

        robot.clickOn("#replayClock");
        waitUntil("broker time", 10, () -> toggle.getText().contains("Broker time"));
        String storedDay = stored("clocks", 1).toString().substring(0, 10);
        assertThat(fx(() -> ui.model.replay().firstTimeProperty().get())).startsWith(storedDay);
        assertThat(fx(() -> ui.model.replay().axisLabelsProperty().get().apply(1))).startsWith(storedDay);
        goTo(robot, fourthStored);
        waitUntil("the cursor on #4", 10, () -> ui.model.replay().cursor() == 4);
        assertThat(slider()).isEqualTo(4);
        assertThat(fx(() -> ui.model.replay().whereProperty().get())).startsWith("#4 · " + storedDay);
        // Every message was stored long after 2024: on broker time the same text lands before the first.
        goTo(robot, "2024-03-01T10:01:30Z");
        waitUntil("the cursor on #0", 10, () -> ui.model.replay().cursor() == 0);

        // Marked in the table, the tooltip naming the findings: every event's clocks are years apart, and
        // only the fourth's event time goes back.
        assertThat(fx(() -> ui.model.table().reader().clockIssue(4))).isTrue();
        assertThat(fx(() -> ui.model.table().reader().clockReasons(4)).lines().toList()).containsExactly(
                "clock: event and broker time more than 5m apart", "clock: event time earlier than the event before");
        assertThat(fx(() -> ui.model.table().reader().clockReasons(3)).lines().toList()).containsExactly(
                "clock: event and broker time more than 5m apart");
    }

    @Test
    void aFileHasNoBrokerTimeSoTheToggleIsOff() throws Exception {
        ui.open(Files.write(dir.resolve("a.jsonl"), List.of(deposit(EVENT_TIMES.get(0)))).toString());
        ui.settle();
        assertThat(fx(() -> ui.window.lookup("#replayClock").isDisabled())).isTrue();
        assertThat(fx(() -> ui.model.replay().clock().onBrokerProperty().get())).isFalse();
    }

    @Test
    void theBannerJumpsToTheRetentionHorizonOfAStreamThatKeepsOnlyItsLastMessages(FxRobot robot) throws Exception {
        ui.open(url("short"));
        ui.settle();
        assertThat(fx(() -> ui.model.session().size())).isEqualTo(5); // sequences 4..8
        String id = "#banner-" + FindingKind.RETENTION_HORIZON.name().toLowerCase(Locale.ROOT);
        waitUntil("the horizon in the banner", 10, () -> ui.window.lookup(id) != null);
        FindingGroup horizon = fx(() -> ui.model.findings().bannerGroups().stream()
                .filter(g -> g.kind() == FindingKind.RETENTION_HORIZON).findFirst().orElseThrow());
        String firstKept = stored("short", 4).toString().substring(0, 19); // to the second
        assertThat(horizon.label()).startsWith("history before " + firstKept).endsWith("state before it cannot be known");
        assertThat(fx(() -> ((Button) ui.window.lookup(id)).getText())).contains("first at #1");
        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(5);
        robot.clickOn(id);
        waitUntil("the cursor on #1", 10, () -> ui.model.replay().cursor() == 1);
        assertThat(fx(() -> ((Slider) ui.window.replayBar().slider()).getValue())).isEqualTo(1.0);
    }

    private javafx.scene.control.CheckMenuItem brokerClockItem() {
        return fx(() -> ((javafx.scene.control.MenuBar) ui.window.lookup(".menu-bar")).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "menuBrokerClock".equals(i.getId()))
                .map(javafx.scene.control.CheckMenuItem.class::cast).findFirst().orElseThrow());
    }

    @Test
    void theViewMenuTogglesTheClockAndACaseSavedOnBrokerTimeReopensOnIt(FxRobot robot) throws Exception {
        ui.open(url("clocks"));
        ui.settle();
        // This window's own nodes: the windows of earlier tests may still be open, one on broker time.
        ToggleButton toggle = fx(() -> (ToggleButton) ui.window.lookup("#replayClock"));
        var item = brokerClockItem();
        assertThat(fx(item::isDisable)).isFalse();

        onFx(() -> item.setSelected(true)); // what a click on View → Broker time does to a check item

        waitUntil("broker time", 10, () -> toggle.getText().contains("Broker time"));
        assertThat(fx(item::isSelected)).isTrue();
        String storedDay = stored("clocks", 1).toString().substring(0, 10);
        assertThat(fx(() -> ui.model.replay().firstTimeProperty().get())).startsWith(storedDay);
        Path file = dir.resolve("broker.esc");
        onFx(() -> ui.model.cases().save(file));
        waitUntil("the saved case", 10, () -> Files.exists(file));
        assertThat(Files.readString(file)).contains("\"clock\" : \"broker\"");

        robot.clickOn(toggle); // back to event time: the button and the menu item are one choice
        waitUntil("event time", 10, () -> toggle.getText().contains("Event time"));
        assertThat(fx(item::isSelected)).isFalse();
        onFx(() -> ui.model.cases().openIfCase(file.toString()));
        waitUntil("the case reopened on broker time", 30, () -> ui.model.session().statusProperty().get()
                .startsWith("Case opened") && toggle.getText().contains("Broker time"));
        assertThat(fx(item::isSelected)).isTrue();
        assertThat(fx(() -> ui.model.replay().firstTimeProperty().get())).startsWith(storedDay);
    }

    @Test
    void aFilesViewMenuOffersNoBrokerTime() throws Exception {
        ui.open(Files.write(dir.resolve("b.jsonl"), List.of(deposit(EVENT_TIMES.get(0)))).toString());
        ui.settle();
        assertThat(fx(brokerClockItem()::isDisable)).isTrue();
    }
}
