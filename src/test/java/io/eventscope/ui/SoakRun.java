package io.eventscope.ui;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.testing.JetStreamFixtures;
import io.nats.client.JetStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The soak (not in CI; {@code packaging/soak.sh} runs it under Xvfb): the real viewer tails a Memphis
 * station on a real nats-server while a publisher sends {@code rate} events/s for {@code minutes}. Every
 * {@code sampleSeconds} one CSV row: heap in use, live heap after the last GC, the longest FX pulse gap
 * since the previous row, events published and shown, and the lag (how long the oldest event not yet
 * shown has been waiting).
 * Args: minutes rate csvPath [sampleSeconds].
 */
public final class SoakRun {
    private static final String SUBJECT = "soak#ledger$1.final";

    private SoakRun() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(args[0]);
        int rate = Integer.parseInt(args[1]);
        Path csv = Path.of(args[2]);
        int sampleSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        long totalEvents = (long) (minutes * 60 * rate);
        AtomicLongArray publishedAt = new AtomicLongArray((int) totalEvents + 1); // nanoTime of each event's ack
        AtomicInteger published = new AtomicInteger();

        try (NatsServerProcess server = NatsServerProcess.start();
             JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.createStream("soak#ledger$1", "soak#ledger$1.>"); // station "soak.ledger"
            Platform.startup(() -> { });
            CompletableFuture<FxHarness> started = new CompletableFuture<>();
            PulseMonitor monitor = new PulseMonitor();
            Platform.runLater(() -> {
                FxHarness ui = new FxHarness(new Stage());
                monitor.start();
                started.complete(ui);
            });
            FxHarness ui = started.get(60, TimeUnit.SECONDS);
            ui.open("memphis://127.0.0.1:" + server.port() + "/soak.ledger");
            FxHarness.onFx(() -> ui.model.replay().followProperty().set(true));

            Thread publisher = new Thread(() -> publish(broker, rate, totalEvents, published, publishedAt), "soak-publisher");
            publisher.setDaemon(true);
            long start = System.nanoTime();
            publisher.start();
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                out.println("seconds,heap_used_mb,heap_after_gc_mb,fx_max_gap_ms,fx_max_busy_ms,published,shown,lag_events,lag_ms,live,error");
                long end = start + (long) (minutes * 60e9) + 30_000_000_000L; // 30 s to drain after the last publish
                while (System.nanoTime() < end) {
                    Thread.sleep(sampleSeconds * 1000L);
                    long[] fx = FxHarness.fx(() -> {
                        long[] r = {monitor.maxGapMillis(), monitor.maxBusyMillis(), ui.model.session().size(),
                                ui.model.session().liveProperty().get() ? 1 : 0};
                        monitor.reset();
                        return r;
                    });
                    String error = FxHarness.fx(() -> ui.model.session().errorProperty().get());
                    int shown = (int) fx[2];
                    int sent = published.get();
                    long now = System.nanoTime();
                    // Lag: how long the oldest event not yet in the window has been waiting (0 when caught up).
                    long lagMs = shown >= sent ? 0 : Math.max(0, (now - publishedAt.get(shown + 1)) / 1_000_000);
                    Runtime rt = Runtime.getRuntime();
                    out.printf("%d,%.1f,%.1f,%d,%d,%d,%d,%d,%d,%d,%s%n", (now - start) / 1_000_000_000L,
                            (rt.totalMemory() - rt.freeMemory()) / 1048576.0, heapAfterGcMb(), fx[0], fx[1], sent, shown,
                            sent - shown, lagMs, fx[3], error == null ? "" : "\"" + error.replace("\"", "'") + "\"");
                    out.flush();
                    if (sent >= totalEvents && shown >= sent) {
                        break;
                    }
                }
            }
            publisher.interrupt();
            FxHarness.onFx(monitor::stop);
            ui.close();
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    /** Live heap: the sum over heap pools of what was left after each pool's last collection. */
    private static double heapAfterGcMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                bytes += pool.getCollectionUsage().getUsed();
            }
        }
        return bytes / 1048576.0;
    }

    /** Sends {@code rate} events per second in 10 ms batches, paced against the clock (no drift). */
    private static void publish(JetStreamFixtures broker, int rate, long total, AtomicInteger published,
                                AtomicLongArray publishedAt) {
        try {
            JetStream js = broker.connection().jetStream();
            long start = System.nanoTime();
            int n = 0;
            while (n < total && !Thread.currentThread().isInterrupted()) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                while (n < Math.min(due, total)) {
                    n++;
                    String line = "{\"type\":\"" + (n % 5 == 0 ? "Withdrawal" : "Deposit") + "\",\"account\":\"ACC-"
                            + (n % 500) + "\",\"amount\":\"" + (n % 97 + 1) + ".25\",\"timestamp\":\"" + Instant.now()
                            + "\",\"eventId\":\"s-" + n + "\"}";
                    js.publishAsync(SUBJECT, line.getBytes(StandardCharsets.UTF_8));
                    publishedAt.set(n, System.nanoTime());
                    published.set(n);
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("soak publisher stopped: " + e);
        }
    }
}
