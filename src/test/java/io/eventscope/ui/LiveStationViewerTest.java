package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.demo.DemoLog;
import io.eventscope.event.DecimalText;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.ui.state.EntityRow;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Connect to a Memphis station on a real nats-server through the Connect dialog: the history loads with
 * progress, then an event published while the window is open appears and the cursor follows it.
 */
@ExtendWith(ApplicationExtension.class)
class LiveStationViewerTest {
    private static final int HISTORY = 3_000;
    private static final String SUBJECT = "bank#ledger$1.final";
    private static NatsServerProcess server;
    private static JetStreamFixtures broker;
    private static Path recentDir;

    private FxHarness ui;
    private final List<Double> progressSeen = Collections.synchronizedList(new ArrayList<>());
    private final List<String> progressTexts = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void station() throws Exception {
        server = NatsServerProcess.start();
        broker = new JetStreamFixtures(server.url());
        broker.createStream("bank#ledger$1", "bank#ledger$1.>"); // station "bank.ledger", one partition
        StringWriter log = new StringWriter();
        new DemoLog(HISTORY, 20, 7).write(log);
        broker.publish(log.toString().lines().toList(), List.of(SUBJECT), null);
        recentDir = Files.createTempDirectory("eventscope-recent-");
    }

    @AfterAll
    static void stop() {
        broker.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        ui = new FxHarness(stage, recentDir);
        ui.model.session().progressProperty().addListener((o, a, v) -> progressSeen.add(v.doubleValue()));
        ui.model.session().progressTextProperty().addListener((o, a, v) -> progressTexts.add(v));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void connectLoadsTheStationWithProgressThenALiveEventAppears(FxRobot robot) throws Exception {
        robot.clickOn("#toolConnect");
        robot.interact(() -> {
            robot.lookup("#connectHost").queryAs(TextField.class).setText("127.0.0.1");
            robot.lookup("#connectPort").queryAs(TextField.class).setText(Integer.toString(server.port()));
        });
        robot.clickOn("#connectName").write("bank.ledger");
        robot.clickOn("#connectTest");
        waitUntil("the connection test to answer", 30, () -> robot.lookup("#connectResult").queryAs(Label.class)
                .getText().startsWith("Connected"));
        robot.clickOn("#connectConnect");

        waitUntil("the station history to load and go live", 60, () -> ui.model.session().size() == HISTORY
                && !ui.model.session().loadingProperty().get() && ui.model.session().liveProperty().get());
        ui.settle();
        assertThat(fx(() -> ui.model.session().titleProperty().get())).contains("bank.ledger");
        assertThat(progressTexts).anyMatch(t -> t.startsWith(DecimalText.grouped(HISTORY) + " events"));
        assertThat(progressSeen).contains(1.0);
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo(HISTORY);
        assertThat(Files.readString(recentDir.resolve("recent-connections.json"))).contains("bank.ledger");

        robot.clickOn("#replayFollow");
        broker.publish(SUBJECT, "{\"type\":\"Deposit\",\"account\":\"ACC-LIVE\",\"amount\":\"42.50\"}", null);
        waitUntil("the live event to appear", 30, () -> ui.model.session().size() == HISTORY + 1);
        ui.settle();
        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(HISTORY + 1);
        assertThat(fx(() -> ui.model.table().rows().get(HISTORY))).isEqualTo(HISTORY + 1);
        assertThat(fx(() -> ui.window.table().getSelectionModel().getSelectedItem())).isEqualTo(HISTORY + 1);
        EntityRow live = fx(() -> ui.model.state().allRows().stream().filter(r -> r.entity().equals("ACC-LIVE"))
                .findFirst().orElseThrow());
        assertThat(live.value()).isEqualByComparingTo(new BigDecimal("42.50"));
        assertThat(fx(() -> ui.window.detailView().json().getText())).contains("ACC-LIVE");

        // The live state agrees with the command line reading the same station.
        String uri = "memphis://127.0.0.1:" + server.port() + "/bank.ledger";
        Map<String, String> shown = new TreeMap<>();
        for (EntityRow r : fx(() -> List.copyOf(ui.model.state().allRows()))) {
            shown.put(r.entity(), CliState.key(r.value(), r.events()));
        }
        assertThat(shown).isEqualTo(CliState.at(uri, HISTORY + 1));
    }
}
