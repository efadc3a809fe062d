package io.eventscope.source.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.demo.DemoLog;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.load.Sources;
import io.eventscope.source.Completeness;
import io.eventscope.source.EventSource;
import io.eventscope.source.LiveTail;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.file.JsonLinesSource;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.testing.Loads;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain JetStream stream read against a real nats-server. */
class JetStreamSourceTest {
    private static final int EVENTS = 5_000;
    private static NatsServerProcess server;
    private static JetStreamFixtures broker;
    private static List<String> lines;
    private static Path file;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        server = NatsServerProcess.start();
        broker = new JetStreamFixtures(server.url());
        StringWriter demo = new StringWriter();
        new DemoLog(EVENTS, 60, 7).write(demo);
        file = dir.resolve("ledger.jsonl");
        Files.writeString(file, demo.toString());
        lines = demo.toString().lines().toList();
        broker.createStream("ledger", "ledger.events");
        broker.publish(lines, List.of("ledger.events"), null);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String uri(String stream) {
        return "nats://" + server.hostPort() + "/" + stream;
    }

    @Test
    void aStreamGivesTheSameBalancesFlagsAndPayloadsAsTheSameEventsInAFile() throws Exception {
        Timeline fromFile = Loads.load(JsonLinesSource.open(file));
        try (EventSource source = Sources.open(uri("ledger"))) {
            Timeline fromStream = Loads.load(source);
            assertThat(fromStream.size()).isEqualTo(EVENTS);
            assertThat(Loads.balances(fromStream)).isEqualTo(Loads.balances(fromFile));
            assertThat(fromStream.flaggedCount()).isEqualTo(fromFile.flaggedCount()).isPositive();
            for (int i = 0; i < EVENTS; i++) {
                assertThat(fromStream.coordinatesAt(i).number()).isEqualTo(i + 1L);
                assertThat(new String(fromStream.payloadAt(i), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(lines.get(i));
            }
            assertThat(fromStream.event(1).brokerTime()).isNotNull();
            assertThat(source.completeness().complete()).isTrue();
            assertThat(source.completeness().streams()).singleElement()
                    .satisfies(s -> assertThat(s.delivered()).isEqualTo(EVENTS));
        }
    }

    @Test
    void headersAreShownAsPublishedAndRepeatedNatsMessageIdsAreFlagged() throws Exception {
        // A short duplicate window, so that the broker stores a repeat of an id once the window has passed.
        broker.jsm().addStream(io.nats.client.api.StreamConfiguration.builder().name("tagged").subjects("tagged.in")
                .duplicateWindow(java.time.Duration.ofMillis(100)).build());
        io.nats.client.impl.Headers first = new io.nats.client.impl.Headers().add("Nats-Msg-Id", "order-1")
                .add("x-tag", "a", "b").add("x-owner", "Zoe Orsted");
        broker.publish("tagged.in", "{\"type\":\"Deposit\",\"amount\":1}", first);
        broker.publish("tagged.in", "{\"type\":\"Deposit\",\"amount\":2}",
                new io.nats.client.impl.Headers().add("Nats-Msg-Id", "order-2"));
        Thread.sleep(300);
        broker.publish("tagged.in", "{\"type\":\"Deposit\",\"amount\":3}",
                new io.nats.client.impl.Headers().add("Nats-Msg-Id", "order-1"));
        // msg-id (Memphis' id) wins over Nats-Msg-Id: this one is new, not a repeat of order-2.
        broker.publish("tagged.in", "{\"type\":\"Deposit\",\"amount\":4}",
                new io.nats.client.impl.Headers().add("msg-id", "m-1").add("Nats-Msg-Id", "order-2"));
        try (EventSource source = Sources.open(uri("tagged"))) {
            Timeline t = Loads.load(source);
            assertThat(t.size()).isEqualTo(4);
            assertThat(t.event(1).headers()).containsEntry("Nats-Msg-Id", "order-1").containsEntry("x-tag", "a, b")
                    .containsEntry("x-owner", "Zoe Orsted").hasSize(3);
            assertThat(t.event(1).flagged()).isFalse();
            assertThat(t.event(2).flagged()).isFalse();
            assertThat(t.event(3).flags()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(io.eventscope.event.FlagKind.DUPLICATE_MESSAGE_ID);
                assertThat(f.detail()).isEqualTo("msg-id order-1 was first seen at position 1");
            });
            assertThat(t.event(4).flagged()).isFalse();
            assertThat(t.event(4).headers()).containsEntry("msg-id", "m-1").containsEntry("Nats-Msg-Id", "order-2");
            assertThat(source.completeness().duplicateMessageIds()).isEqualTo(1);
        }
    }

    @Test
    void readingLeavesNoTraceOnTheStream() throws Exception {
        long before = broker.messageCount("ledger");
        List<String> consumersBefore = broker.consumerNames("ledger");
        try (EventSource source = Sources.open(uri("ledger"))) {
            Loads.load(source);
            Loads.load(source, new LoadWindow(0, null, 10));
        }
        assertThat(broker.messageCount("ledger")).isEqualTo(before);
        assertThat(broker.consumerNames("ledger")).isEqualTo(consumersBefore).isEmpty();
    }

    @Test
    void windowsLoadFromASequenceTheLastNOrSinceAnInstant() throws Exception {
        try (EventSource source = Sources.open(uri("ledger"))) {
            Timeline from = Loads.load(source, new LoadWindow(4_001, null, 0));
            assertThat(from.size()).isEqualTo(1_000);
            assertThat(from.coordinatesAt(0).number()).isEqualTo(4_001);

            Timeline last = Loads.load(source, new LoadWindow(0, null, 25));
            assertThat(last.size()).isEqualTo(25);
            assertThat(last.coordinatesAt(0).number()).isEqualTo(EVENTS - 24);
            assertThat(last.coordinatesAt(24).number()).isEqualTo(EVENTS);

            Timeline all = Loads.load(source);
            Instant cut = all.event(3_000).brokerTime();
            Timeline since = Loads.load(source, new LoadWindow(0, cut, 0));
            long expected = 0;
            for (int p = 1; p <= all.size(); p++) {
                if (!all.event(p).brokerTime().isBefore(cut)) {
                    expected++;
                }
            }
            assertThat(since.size()).isEqualTo(expected);
            assertThat(since.event(since.size()).coordinates().number()).isEqualTo(EVENTS);

            Timeline future = Loads.load(source, new LoadWindow(0, Instant.now().plusSeconds(3600), 0));
            assertThat(future.size()).isZero();
            Timeline beyond = Loads.load(source, new LoadWindow(EVENTS + 10, null, 0));
            assertThat(beyond.size()).isZero();
        }
    }

    @Test
    void progressReportsLoadedAgainstTheTotalFromTheStream() throws Exception {
        List<LoadStatus> updates = new CopyOnWriteArrayList<>();
        try (EventSource source = Sources.open(uri("ledger"))) {
            Timeline t = Loads.timelineFor(source);
            source.load(new TimelineWriter(t), LoadWindow.ALL, updates::add, () -> false);
        }
        assertThat(updates).isNotEmpty();
        LoadStatus lastUpdate = updates.get(updates.size() - 1);
        assertThat(lastUpdate.total()).isEqualTo(EVENTS);
        assertThat(lastUpdate.loaded()).isEqualTo(EVENTS);
        assertThat(lastUpdate.fraction()).isEqualTo(1.0);
        assertThat(lastUpdate.eventsPerSecond()).isPositive();
    }

    @Test
    void deletedAndExpiredMessagesShowAsGaps() throws Exception {
        broker.createStream("holes", "holes.x");
        List<String> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ten.add("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":" + i + "}");
        }
        broker.publish(ten, List.of("holes.x"), null);
        broker.jsm().deleteMessage("holes", 1); // the stream now starts at sequence 2
        broker.jsm().deleteMessage("holes", 2);
        broker.jsm().deleteMessage("holes", 6);
        broker.jsm().deleteMessage("holes", 7);
        try (EventSource source = Sources.open(uri("holes"))) {
            Timeline t = Loads.load(source);
            assertThat(t.size()).isEqualTo(6);
            // 3+4+5+8+9+10 = 39: the deleted deposits are not invented
            assertThat(Loads.balances(t).get("A")).isEqualByComparingTo("39");
            Completeness c = source.completeness();
            assertThat(c.complete()).isFalse();
            assertThat(c.missing()).isEqualTo(4);
            assertThat(c.streams().get(0).firstSequence()).isEqualTo(3);
            assertThat(c.streams().get(0).gaps()).extracting(Completeness.Gap::from, Completeness.Gap::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 2L), org.assertj.core.groups.Tuple.tuple(6L, 7L));
            assertThat(c.streams().get(0).gaps().get(0).reason()).contains("first sequence 3");
        }
    }

    @Test
    void followAppendsNewEventsInOrderUntilClosed() throws Exception {
        broker.createStream("live", "live.x");
        broker.publish(List.of("{\"type\":\"Deposit\",\"account\":\"L\",\"amount\":1}"), List.of("live.x"), null);
        try (EventSource source = Sources.open(uri("live"))) {
            Timeline t = Loads.timelineFor(source);
            TimelineWriter writer = new TimelineWriter(t);
            source.load(writer, LoadWindow.ALL, io.eventscope.source.LoadProgress.NONE, () -> false);
            assertThat(t.size()).isEqualTo(1);
            List<String> more = new ArrayList<>();
            for (int i = 2; i <= 50; i++) {
                more.add("{\"type\":\"Deposit\",\"account\":\"L\",\"amount\":" + i + "}");
            }
            List<Exception> errors = new CopyOnWriteArrayList<>();
            try (LiveTail tail = source.follow(writer, errors::add)) {
                broker.publish(more, List.of("live.x"), null);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (t.size() < 50 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            assertThat(errors).isEmpty();
            assertThat(t.size()).isEqualTo(50);
            for (int i = 0; i < 50; i++) {
                assertThat(t.coordinatesAt(i).number()).isEqualTo(i + 1L);
            }
            assertThat(Loads.balances(t).get("L")).isEqualByComparingTo("1275"); // 1+2+...+50
            broker.publish(List.of("{\"type\":\"Deposit\",\"account\":\"L\",\"amount\":1}"), List.of("live.x"), null);
            Thread.sleep(300);
            assertThat(t.size()).as("nothing is appended after the tail is closed").isEqualTo(50);
        }
        assertThat(broker.consumerNames("live")).isEmpty();
    }
}
