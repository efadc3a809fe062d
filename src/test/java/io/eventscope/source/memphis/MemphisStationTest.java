package io.eventscope.source.memphis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.event.Event;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.load.Sources;
import io.eventscope.source.EventSource;
import io.eventscope.source.LiveTail;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.testing.Loads;
import io.nats.client.impl.Headers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Memphis stations as they lie on the wire, filled with raw jnats publishes carrying Memphis headers
 * (not through Eventscope's producer), read back through memphis:// URIs.
 */
class MemphisStationTest {
    private static final int EVENTS = 3_000;
    private static final String[] ACCOUNTS = {"ACC-1", "ACC-2", "ACC-3", "ACC-4", "ACC-5"};
    private static NatsServerProcess server;
    private static JetStreamFixtures broker;
    private static final Map<String, BigDecimal> expected = new TreeMap<>();
    private static final List<String> lines = new ArrayList<>();

    @BeforeAll
    static void fill() {
        server = NatsServerProcess.start();
        broker = new JetStreamFixtures(server.url());
        // Station "Bank.Payments" with 3 partitions, as Memphis 1.2+ lays it out.
        List<String> subjects = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            broker.createStream("bank#payments$" + p, "bank#payments$" + p + ".>");
            subjects.add("bank#payments$" + p + ".final");
        }
        SplittableRandom random = new SplittableRandom(42);
        for (String a : ACCOUNTS) {
            expected.put(a, BigDecimal.ZERO);
        }
        for (int i = 0; i < EVENTS; i++) {
            String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(100_000), 2);
            boolean deposit = random.nextInt(3) > 0;
            expected.merge(account, deposit ? amount : amount.negate(), BigDecimal::add);
            lines.add("{\"type\":\"" + (deposit ? "Deposit" : "Withdrawal") + "\",\"account\":\"" + account
                    + "\",\"amount\":" + amount.toPlainString() + "}");
        }
        broker.publish(lines, subjects, i -> memphisHeaders("conn-1", "payments-svc", "id-" + i)
                .put("tenant", "eu-" + (i % 2)));
        // A poison message resent by the dead-letter station, and a producer retry repeating a msg-id:
        // both carry real deposits that must not be counted twice.
        broker.publish("bank#payments$2.final", "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":500}",
                memphisHeaders("conn-9", "$memphis_dls", "id-dls-1"));
        broker.publish("bank#payments$3.final", lines.get(7), memphisHeaders("conn-1", "payments-svc", "id-7"));

        broker.createStream("solo$1", "solo$1.>");
        broker.publish(List.of("{\"type\":\"Deposit\",\"amount\":100}", "{\"type\":\"Withdrawal\",\"amount\":30}"),
                List.of("solo$1.final"), i -> memphisHeaders("c", "p", "s-" + i));
        broker.createStream("legacy#orders", "legacy#orders.final");
        broker.publish(List.of("{\"type\":\"Deposit\",\"account\":\"L-1\",\"amount\":\"12345678901234567.89\"}",
                "{\"type\":\"Deposit\",\"account\":\"L-1\",\"amount\":0.1}"), List.of("legacy#orders.final"), null);
    }

    private static Headers memphisHeaders(String connection, String producer, String id) {
        return new Headers().put("$memphis_connectionId", connection).put("$memphis_producedBy", producer)
                .put("msg-id", id);
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

    private String station(String name) {
        return "memphis://" + server.hostPort() + "/" + name;
    }

    @Test
    void aPartitionedStationGivesExactBalancesWithResendsAndRepeatsFlaggedNotCounted() throws Exception {
        try (EventSource source = Sources.open(station("Bank.Payments"))) {
            assertThat(source.displayName()).isEqualTo("memphis://" + server.hostPort() + "/bank.payments");
            Timeline t = Loads.load(source);
            assertThat(t.size()).isEqualTo(EVENTS + 2);
            Map<String, BigDecimal> balances = Loads.balances(t);
            for (String a : ACCOUNTS) {
                assertThat(balances.get(a)).as(a).isEqualByComparingTo(expected.get(a));
            }
            List<Event> flagged = new ArrayList<>();
            for (int p = 1; p <= t.size(); p++) {
                if (t.event(p).flagged()) {
                    flagged.add(t.event(p));
                }
            }
            assertThat(flagged).hasSize(2);
            assertThat(flagged).anySatisfy(e -> assertThat(e.flags()).extracting(f -> f.kind())
                    .containsExactly(FlagKind.DEAD_LETTER_RESEND));
            assertThat(flagged).anySatisfy(e -> {
                assertThat(e.flags()).extracting(f -> f.kind()).containsExactly(FlagKind.DUPLICATE_MESSAGE_ID);
                assertThat(e.flags().get(0).detail()).contains("id-7");
            });
            assertThat(source.completeness().deadLetterResends()).isEqualTo(1);
            assertThat(source.completeness().duplicateMessageIds()).isEqualTo(1);
            assertThat(source.completeness().missing()).isZero();
            assertThat(source.completeness().streams()).extracting(s -> s.stream())
                    .containsExactly("bank#payments$1", "bank#payments$2", "bank#payments$3");
        }
    }

    @Test
    void memphisHeadersBecomeNamedFieldsAndUserHeadersAreKept() throws Exception {
        try (EventSource source = Sources.open(station("bank.payments"))) {
            Timeline t = Loads.load(source);
            Event first = t.event(1);
            MemphisHeaders h = MemphisHeaders.of(first.headers());
            assertThat(h.producer()).isEqualTo("payments-svc");
            assertThat(h.connectionId()).isEqualTo("conn-1");
            assertThat(h.messageId()).isEqualTo("id-0");
            assertThat(h.user()).containsEntry("tenant", "eu-0");
            assertThat(first.coordinates().partition()).isEqualTo("bank#payments$1");
            assertThat(first.coordinates().number()).isEqualTo(1);
        }
    }

    @Test
    void partitionsMergeByBrokerTimeThenPartitionThenSequence() throws Exception {
        try (EventSource source = Sources.open(station("BANK.PAYMENTS"))) {
            Timeline t = Loads.load(source);
            for (int p = 2; p <= t.size(); p++) {
                Event a = t.event(p - 1);
                Event b = t.event(p);
                int byTime = a.brokerTime().compareTo(b.brokerTime());
                assertThat(byTime).isLessThanOrEqualTo(0);
                if (byTime == 0) {
                    int byPartition = a.coordinates().partition().compareTo(b.coordinates().partition());
                    assertThat(byPartition).isLessThanOrEqualTo(0);
                    if (byPartition == 0) {
                        assertThat(a.coordinates().number()).isLessThan(b.coordinates().number());
                    }
                }
            }
            Timeline again = Loads.load(source);
            for (int i = 0; i < t.size(); i++) {
                assertThat(again.coordinatesAt(i)).isEqualTo(t.coordinatesAt(i));
            }
        }
    }

    @Test
    void windowsOnAPartitionedStation() throws Exception {
        try (EventSource source = Sources.open(station("bank.payments"))) {
            Timeline all = Loads.load(source);
            Timeline last = Loads.load(source, new LoadWindow(0, null, 10));
            assertThat(last.size()).isEqualTo(10);
            for (int i = 0; i < 10; i++) {
                assertThat(last.coordinatesAt(i)).isEqualTo(all.coordinatesAt(all.size() - 10 + i));
            }
            Timeline from = Loads.load(source, new LoadWindow(900, null, 0));
            long expectedFrom = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.coordinatesAt(i).number() >= 900) {
                    expectedFrom++;
                }
            }
            assertThat(from.size()).isEqualTo(expectedFrom);
            Instant cut = all.event(2_000).brokerTime();
            Timeline since = Loads.load(source, new LoadWindow(0, cut, 0));
            assertThat(since.size()).isEqualTo(all.size() - all.event(2_000).position() + 1
                    + countBefore(all, 2_000, cut));
        }
    }

    /** Events before {@code position} that share its broker time (a since-window includes them). */
    private static int countBefore(Timeline t, int position, Instant cut) {
        int n = 0;
        for (int p = position - 1; p >= 1 && t.event(p).brokerTime().equals(cut); p--) {
            n++;
        }
        return n;
    }

    @Test
    void singlePartitionAndLegacyStationsAreFoundWithoutTheUserKnowingWhichKind() throws Exception {
        try (EventSource solo = Sources.open(station("Solo"))) {
            Timeline t = Loads.load(solo);
            assertThat(t.size()).isEqualTo(2);
            assertThat(t.coordinatesAt(0).partition()).isNull();
            // no account field: the station's own entity holds the balance
            assertThat(Loads.balances(t)).containsOnlyKeys("solo");
            assertThat(Loads.balances(t).get("solo")).isEqualByComparingTo("70");
        }
        try (EventSource legacy = Sources.open(station("Legacy.Orders"))) {
            Timeline t = Loads.load(legacy);
            assertThat(t.size()).isEqualTo(2);
            assertThat(Loads.balances(t).get("L-1")).isEqualByComparingTo("12345678901234567.99");
        }
    }

    @Test
    void followingAPartitionedStationAppendsNewEventsFromEveryPartition() throws Exception {
        broker.createStream("tail$1", "tail$1.>");
        broker.createStream("tail$2", "tail$2.>");
        try (EventSource source = Sources.open(station("tail"))) {
            Timeline t = Loads.timelineFor(source);
            TimelineWriter writer = new TimelineWriter(t);
            source.load(writer, LoadWindow.ALL, LoadProgress.NONE, () -> false);
            assertThat(t.size()).isZero();
            List<SourceException> errors = new CopyOnWriteArrayList<>();
            try (LiveTail tail = source.follow(writer, errors::add)) {
                List<String> events = new ArrayList<>();
                for (int i = 1; i <= 40; i++) {
                    events.add("{\"type\":\"Deposit\",\"account\":\"T\",\"amount\":" + i + "}");
                }
                broker.publish(events, List.of("tail$1.final", "tail$2.final"), null);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (t.size() < 40 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            assertThat(errors).isEmpty();
            assertThat(t.size()).isEqualTo(40);
            assertThat(Loads.balances(t).get("T")).isEqualByComparingTo("820"); // 1+...+40
        }
    }

    @Test
    void anUnknownStationNamesTheStationsThatExist() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> Sources.open(station("bank.ledgr")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("no station bank.ledgr")
                .hasMessageContaining("bank.payments")
                .hasMessageContaining("legacy.orders")
                .hasMessageContaining("streams there: bank#payments$1, bank#payments$2");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }
}
