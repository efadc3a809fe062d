package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.sleep;
import static io.eventscope.ui.FxHarness.waitUntil;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.testing.JetStreamFixtures;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.application.Platform;

/**
 * Takes {@code banner.png} only: the completeness banner over a real nats-server stream that kept only its
 * last 2,000 messages (the retention horizon), had two deleted (gaps), and whose producers' clocks
 * were hours off for a few events or stepped back. Run like {@link ScreenshotTool}; needs nats-server.
 */
public final class BannerScreenshot {
    private static final int PUBLISHED = 2_400;

    private BannerScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        try (NatsServerProcess server = NatsServerProcess.start();
             JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.jsm().addStream(StreamConfiguration.builder().name("payments").subjects("payments.>")
                    .maxMessages(2_000).storageType(StorageType.File).build());
            broker.publish(lines(Instant.now()), List.of("payments.ledger"), null);
            broker.jsm().deleteMessage("payments", 1_100);
            broker.jsm().deleteMessage("payments", 1_901);

            ScreenshotTool.Shot shot = ScreenshotTool.Shot.empty();
            FxHarness ui = shot.ui();
            ui.open("nats://" + server.hostPort() + "/payments");
            ui.settle();
            waitUntil("the banner", 20, () -> ui.window.lookup("#completenessBanner").isVisible());
            onFx(() -> ui.model.replay().clock().brokerProperty().set(true));
            int skewed = fx(() -> ui.model.findings().bannerGroups().stream()
                    .filter(g -> g.kind() == io.eventscope.audit.FindingKind.CLOCK_SKEW).findFirst().orElseThrow()
                    .firstPosition());
            onFx(() -> ui.model.replay().moveTo(skewed)); // as the banner's button does
            ui.settle();
            sleep(800);
            ScreenshotTool.snap(shot.stage().getScene(), out.resolve("banner.png"));
            ui.close();
        }
        Platform.exit();
        System.exit(0);
    }

    /**
     * Deposits and withdrawals on twelve accounts, their payload times a few milliseconds apart from now
     * (as the broker will stamp them), but seven events stamped three hours early by a producer whose clock
     * was wrong, and three a few seconds before the event ahead of them.
     */
    private static List<String> lines(Instant start) {
        Random random = new Random(15);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < PUBLISHED; i++) {
            Instant t = start.plusMillis(i * 2L);
            if (i % 301 == 150) {
                t = t.minusSeconds(3 * 3600);
            } else if (i % 577 == 400) {
                t = t.minusSeconds(4);
            }
            boolean deposit = random.nextInt(3) > 0;
            out.add(String.format("{\"type\":\"%s\",\"account\":\"ACC-%05d\",\"amount\":\"%d.%02d\",\"timestamp\":\"%s\"}",
                    deposit ? "Deposit" : "Withdrawal", 1 + random.nextInt(12), 5 + random.nextInt(deposit ? 900 : 300),
                    random.nextInt(100), t));
        }
        return out;
    }
}
