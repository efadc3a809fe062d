package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.demo.DemoLog;
import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.testing.JetStreamFixtures;
import java.io.StringWriter;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** When the broker goes away under a live tail, a notification says so (the user may not be looking at the banner). */
@ExtendWith(ApplicationExtension.class)
class LiveAlertsTest {
    private static final String SUBJECT = "bank#ledger$1.final";
    private FxHarness ui;
    private NatsServerProcess server;

    @Start
    void start(Stage stage) {
        ui = new FxHarness(stage);
    }

    @AfterEach
    void close() {
        ui.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void losingTheBrokerWhileLiveRaisesANotification(FxRobot robot) throws Exception {
        server = NatsServerProcess.start();
        try (JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.createStream("bank#ledger$1", "bank#ledger$1.>");
            StringWriter log = new StringWriter();
            new DemoLog(50, 5, 1).write(log);
            broker.publish(log.toString().lines().toList(), List.of(SUBJECT), null);
        }
        ui.open("memphis://127.0.0.1:" + server.port() + "/bank.ledger");
        waitUntil("the station to load and go live", 60, () -> ui.model.session().liveProperty().get());
        assertThat(robot.lookup(".notification-bar").tryQuery()).isEmpty();

        server.close();

        waitUntil("the alert", 60, () -> robot.lookup(".notification-bar").tryQuery().isPresent());
        String text = fx(() -> robot.lookup(".notification-bar .label").queryAllAs(Label.class).stream()
                .map(Label::getText).reduce("", (a, b) -> a + " " + b));
        assertThat(text).contains("Live tail stopped").contains("Lost the connection to 127.0.0.1:" + server.port());
    }
}
