package io.eventscope.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.load.Sources;
import io.eventscope.source.EventSource;
import io.eventscope.source.LiveTail;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.source.jetstream.JetStreamSource;
import io.eventscope.testing.DepositLedger;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.testing.Loads;
import io.eventscope.testing.NatsCluster;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A broker frozen (SIGSTOP) for longer than the client's timeouts, and a stream deleted while it is read
 * or tailed: each ends exact or with one clear sentence, keeping what was read, and never hangs.
 */
@Tag("faults")
class StallAndDeletionTest {
    /** Longer than the client's pull expiry (2 s) and its ping interval (5 s). */
    private static final long FROZEN_MILLIS = 7_000;
    private NatsServerProcess server;
    private JetStreamFixtures broker;

    @BeforeEach
    void start() {
        server = NatsServerProcess.start();
        broker = new JetStreamFixtures(server.url());
    }

    @AfterEach
    void stop() {
        if (server.alive()) {
            server.resume();
        }
        broker.close();
        server.close();
    }

    @Test
    void aTailFrozenLongerThanTheClientsTimeoutsCatchesUpExactlyAfterTheThaw() throws Exception {
        broker.createStream("frozen", "frozen.x");
        broker.publish(DepositLedger.lines(1, 1_000), List.of("frozen.x"), null);
        List<SourceException> errors = new CopyOnWriteArrayList<>();
        try (EventSource source = Sources.open("nats://" + server.hostPort() + "/frozen")) {
            Timeline t = Loads.timelineFor(source);
            TimelineWriter writer = new TimelineWriter(t);
            source.load(writer, LoadWindow.ALL, LoadProgress.NONE, () -> false);
            try (LiveTail tail = source.follow(writer, errors::add)) {
                broker.publish(DepositLedger.lines(1_001, 2_000), List.of("frozen.x"), null);
                NatsCluster.waitUntil("the first live events", 30, () -> t.size() >= 2_000);
                server.pause();
                Thread.sleep(FROZEN_MILLIS); // the fault itself: how long the broker stays frozen
                server.resume();
                broker.publish(DepositLedger.lines(2_001, 3_000), List.of("frozen.x"), null);
                NatsCluster.waitUntil("the events after the thaw", 60, () -> t.size() >= 3_000);
                DepositLedger.assertExact(t, 3_000);
            }
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void aLoadFromABrokerFrozenForGoodEndsInOneSentenceKeepingWhatItRead() throws Exception {
        broker.createStream("stuck", "stuck.x");
        broker.publish(DepositLedger.lines(1, 40_000), List.of("stuck.x"), null);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (JetStreamSource source = (JetStreamSource) Sources.open("nats://" + server.hostPort() + "/stuck")) {
            source.stallTimeoutMillis(3_000);
            Timeline t = Loads.timelineFor(source);
            Future<?> load = background.submit(() -> {
                source.load(new TimelineWriter(t), LoadWindow.ALL, LoadProgress.NONE, () -> false);
                return null;
            });
            KillRestartTest.awaitDelivered(t, 5_000, load::isDone);
            server.pause();
            Throwable failure = null;
            try {
                load.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).isInstanceOf(SourceException.class);
            assertThat(failure.getMessage()).contains("sent nothing for 3 s").doesNotContain("\n");
            int kept = t.size();
            assertThat(kept).isBetween(5_000, 39_999);
            for (int i = 0; i < kept; i++) {
                assertThat(t.coordinatesAt(i).number()).isEqualTo(i + 1L);
            }
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aTailWhoseBrokerFreezesThenDiesSaysSoInOneSentenceAndKeepsItsEvents() throws Exception {
        broker.createStream("gone", "gone.x");
        broker.publish(DepositLedger.lines(1, 500), List.of("gone.x"), null);
        List<SourceException> errors = new CopyOnWriteArrayList<>();
        try (EventSource source = Sources.open("nats://" + server.hostPort() + "/gone")) {
            Timeline t = Loads.timelineFor(source);
            TimelineWriter writer = new TimelineWriter(t);
            source.load(writer, LoadWindow.ALL, LoadProgress.NONE, () -> false);
            try (LiveTail tail = source.follow(writer, errors::add)) {
                server.pause();
                server.kill();
                NatsCluster.waitUntil("the tail to report the lost broker", 40, () -> !errors.isEmpty());
                assertThat(errors.get(0).getMessage()).contains("Lost the connection").doesNotContain("\n");
                DepositLedger.assertExact(t, 500);
            }
        }
    }

    @Test
    void aStreamDeletedWhileTailedIsOneSentenceAndTheEventsStay() throws Exception {
        broker.createStream("doomed", "doomed.x");
        broker.publish(DepositLedger.lines(1, 800), List.of("doomed.x"), null);
        List<SourceException> errors = new CopyOnWriteArrayList<>();
        try (EventSource source = Sources.open("nats://" + server.hostPort() + "/doomed")) {
            Timeline t = Loads.timelineFor(source);
            TimelineWriter writer = new TimelineWriter(t);
            source.load(writer, LoadWindow.ALL, LoadProgress.NONE, () -> false);
            try (LiveTail tail = source.follow(writer, errors::add)) {
                broker.publish(DepositLedger.lines(801, 1_000), List.of("doomed.x"), null);
                NatsCluster.waitUntil("the live events", 30, () -> t.size() >= 1_000);
                broker.jsm().deleteStream("doomed");
                NatsCluster.waitUntil("the tail to report the deleted stream", 40, () -> !errors.isEmpty());
                System.out.println("deleted while tailed: " + errors);
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getMessage()).contains("doomed").contains("deleted").doesNotContain("\n");
                DepositLedger.assertExact(t, 1_000);
            }
        }
    }

    @Test
    void aStreamDeletedWhileLoadedIsOneSentenceAndTheEventsReadStay() throws Exception {
        broker.createStream("vanishing", "vanishing.x");
        broker.publish(DepositLedger.lines(1, 60_000), List.of("vanishing.x"), null);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (EventSource source = Sources.open("nats://" + server.hostPort() + "/vanishing")) {
            Timeline t = Loads.timelineFor(source);
            Future<?> load = background.submit(() -> {
                source.load(new TimelineWriter(t), LoadWindow.ALL, LoadProgress.NONE, () -> false);
                return null;
            });
            KillRestartTest.awaitDelivered(t, 5_000, load::isDone);
            broker.jsm().deleteStream("vanishing");
            Throwable failure = null;
            try {
                load.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            System.out.println("deleted while loaded: " + failure + " size " + t.size() + " complete "
                    + source.completeness().complete());
            int kept = t.size();
            for (int i = 0; i < kept; i++) {
                assertThat(t.coordinatesAt(i).number()).isEqualTo(i + 1L);
            }
            if (kept < 60_000) {
                assertThat(failure).as("a partial load must say so").isInstanceOf(SourceException.class);
                assertThat(failure.getMessage()).contains("vanishing").contains("deleted").doesNotContain("\n");
                assertThat(source.completeness().complete()).as("a partial load is not complete").isFalse();
            }
        } finally {
            background.shutdownNow();
        }
    }
}
