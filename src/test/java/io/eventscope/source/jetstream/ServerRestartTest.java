package io.eventscope.source.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.load.Sources;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.LoadWindow;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.testing.Loads;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker crashes (SIGKILL) and comes back, or freezes (SIGSTOP) and thaws, in the middle of a 300k-event
 * load: the load resumes from the last delivered sequence, with no gap and no duplicate.
 */
class ServerRestartTest {
    private static final int EVENTS = 300_000;
    private static NatsServerProcess server;

    @BeforeAll
    static void fill() {
        server = NatsServerProcess.start();
        try (JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.createStream("big", "big.x");
            List<String> lines = new ArrayList<>(EVENTS);
            for (int i = 1; i <= EVENTS; i++) {
                lines.add("{\"type\":\"Deposit\",\"account\":\"A-" + (i % 7) + "\",\"amount\":" + i + "}");
            }
            broker.publish(lines, List.of("big.x"), null);
            assertThat(broker.messageCount("big")).isEqualTo(EVENTS);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLoadResumesAfterTheServerIsKilledAndRestartedWithNoGapAndNoDuplicate() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (EventSource source = Sources.open("nats://" + server.hostPort() + "/big")) {
            Timeline t = Loads.timelineFor(source);
            Future<?> load = background.submit(() -> {
                source.load(new TimelineWriter(t), LoadWindow.ALL, LoadProgress.NONE, () -> false);
                return null;
            });
            int atKill = waitFor(t, load, 30_000);
            server.kill();
            Thread.sleep(1_500); // the client notices the drop and keeps reconnecting
            int whileDown = t.size();
            server.restart();
            load.get(120, TimeUnit.SECONDS);

            assertThat(atKill).as("the kill happened mid-load").isBetween(1, EVENTS - 1);
            assertThat(whileDown).isLessThan(EVENTS);
            assertExactlyEverySequenceOnce(t, source);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aLoadResumesAfterTheServerStallsWithNoGapAndNoDuplicate() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (EventSource source = Sources.open("nats://" + server.hostPort() + "/big")) {
            Timeline t = Loads.timelineFor(source);
            List<LoadStatus> updates = new CopyOnWriteArrayList<>();
            Future<?> load = background.submit(() -> {
                source.load(new TimelineWriter(t), LoadWindow.ALL, updates::add, () -> false);
                return null;
            });
            int atPause = waitFor(t, load, 50_000);
            server.pause();
            try {
                Thread.sleep(4_000); // longer than the consumer's idle heartbeat: the client sees a stall
            } finally {
                server.resume();
            }
            load.get(120, TimeUnit.SECONDS);
            assertThat(atPause).as("the stall happened mid-load").isBetween(1, EVENTS - 1);
            assertExactlyEverySequenceOnce(t, source);
            // While waiting out the stall the progress bar knows how far it has to go.
            assertThat(updates).filteredOn(u -> u.loaded() > 0 && u.loaded() < EVENTS).isNotEmpty()
                    .allSatisfy(u -> {
                        assertThat(u.total()).isEqualTo(EVENTS);
                        assertThat(u.fraction()).isBetween(0.0, 1.0);
                    });
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aBrokerThatNeverComesBackIsOneSentenceAndTheEventsReadSoFarStay() throws Exception {
        try (NatsServerProcess doomed = NatsServerProcess.start()) {
            try (JetStreamFixtures broker = new JetStreamFixtures(doomed.url())) {
                broker.createStream("doomed", "doomed");
                List<String> lines = new ArrayList<>();
                for (int i = 1; i <= 50_000; i++) {
                    lines.add("{\"type\":\"Deposit\",\"account\":\"D\",\"amount\":1}");
                }
                broker.publish(lines, List.of("doomed"), null);
            }
            ExecutorService background = Executors.newSingleThreadExecutor();
            try (JetStreamSource source = (JetStreamSource) Sources.open("nats://" + doomed.hostPort() + "/doomed")) {
                source.stallTimeoutMillis(2_000);
                Timeline t = Loads.timelineFor(source);
                Future<?> load = background.submit(() -> {
                    source.load(new TimelineWriter(t), LoadWindow.ALL, LoadProgress.NONE, () -> false);
                    return null;
                });
                int atKill = waitFor(t, load, 1_000);
                doomed.kill();
                long killed = System.nanoTime();
                Throwable failure = null;
                try {
                    load.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = e.getCause();
                }
                assertThat(atKill).isBetween(1, 49_999);
                assertThat(failure).isInstanceOf(io.eventscope.source.SourceException.class);
                assertThat(failure.getMessage()).contains("sent nothing for 2 s").contains("events read")
                        .doesNotContain("\n");
                assertThat((System.nanoTime() - killed) / 1_000_000).isLessThan(10_000);
                int kept = t.size();
                assertThat(kept).isGreaterThanOrEqualTo(atKill).isLessThan(50_000);
                for (int i = 0; i < kept; i++) {
                    assertThat(t.coordinatesAt(i).number()).isEqualTo(i + 1L);
                }
            } finally {
                background.shutdownNow();
            }
        }
    }

    private static int waitFor(Timeline t, Future<?> load, int events) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (t.size() < events && !load.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return t.size();
    }

    private static void assertExactlyEverySequenceOnce(Timeline t, EventSource source) {
        assertThat(t.size()).isEqualTo(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            if (t.coordinatesAt(i).number() != i + 1L) {
                throw new AssertionError("position " + (i + 1) + " holds sequence " + t.coordinatesAt(i).number());
            }
        }
        assertThat(source.completeness().complete()).isTrue();
        // Each account A-k gets the deposits i with i % 7 == k; the sums are computed here, not read.
        BigDecimal[] sums = new BigDecimal[7];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (int i = 1; i <= EVENTS; i++) {
            sums[i % 7] = sums[i % 7].add(BigDecimal.valueOf(i));
        }
        var balances = Loads.balances(t);
        for (int k = 0; k < 7; k++) {
            assertThat(balances.get("A-" + k)).isEqualByComparingTo(sums[k]);
        }
    }
}
