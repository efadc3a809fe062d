package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Broker messages staged and decoded as a batch (on two threads when the batch is large) must give the
 * same timeline as appending each message on its own: coordinates, headers, flags, times, in order.
 */
class StagedMessagesProperties {
    private static final Flag TOMBSTONE = new Flag(FlagKind.TOMBSTONE, "no value");
    private static final Flag RESENT = new Flag(FlagKind.DEAD_LETTER_RESEND, "resent");
    private static final long T0 = 1_709_287_200_000_000_000L; // 2024-03-01T10:00:00Z in nanos

    /** One message as a source hands it over. */
    record Msg(String payload, String partition, long sequence, long brokerTime, String typeHeader, List<Flag> flags) {
        byte[] bytes() {
            return payload.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Property(tries = 40)
    void smallBatchesEqualOneByOne(@ForAll("fewMessages") List<Msg> messages) {
        assertStagedEqualsOneByOne(messages);
    }

    /** Past 2048 a batch is decoded on two threads, and past 4096 the writer starts a batch by itself. */
    @Property(tries = 6)
    void largeBatchesDecodedInTwoEqualOneByOne(@ForAll("manyMessages") List<Msg> messages) {
        assertStagedEqualsOneByOne(messages);
    }

    /**
     * Flagged messages with a broker time but no event time count at the time of the event before them,
     * also when that event was decoded by the other thread (the first message of a chunk).
     */
    @Example
    void flaggedMessagesTakeTheTimeBeforeThemAcrossChunks() {
        List<Msg> messages = new ArrayList<>();
        messages.add(new Msg("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1,\"timestamp\":\"2024-03-01T10:00:00Z\"}",
                "p0", 0, T0 + 5, null, List.of()));
        for (int k = 1; k < 3 * 2048; k++) {
            messages.add(new Msg(k % 3 == 0 ? "" : "garbage", "p" + k % 3, k, T0 + 1_000_000_000L * k, null,
                    k % 3 == 0 ? List.of(TOMBSTONE) : List.of()));
        }
        Timeline staged = load(messages, true);
        assertStagedEqualsOneByOne(messages);
        for (int i = 0; i < staged.size(); i++) {
            assertThat(staged.effectiveTimeAt(i)).as("effective time at index %d", i).isEqualTo(T0);
        }
        assertThat(staged.flaggedCount()).isEqualTo(messages.size() - 1);
    }

    /** A streaming load folds and drops bursts; staged messages are decoded before each fold. */
    @Example
    void streamingFoldsSeeEveryStagedMessageDecoded() {
        List<Msg> messages = new ArrayList<>();
        for (int k = 0; k < 9000; k++) {
            messages.add(new Msg("{\"type\":\"Deposit\",\"account\":\"A" + k % 5 + "\",\"amount\":" + k + "}", "p" + k % 2,
                    k, T0 + k, null, List.of()));
        }
        List<String> seen = new ArrayList<>();
        Timeline t = timeline(ProjectionSpecReader.banking());
        TimelineWriter w = new TimelineWriter(t, Long.MAX_VALUE).streaming(1000, () -> {
            for (int p = 1; p <= t.size(); p++) { // held positions count from 1 in each burst
                seen.add(new String(t.event(p).payload(), StandardCharsets.UTF_8));
            }
        }, null);
        for (Msg m : messages) {
            byte[] b = m.bytes();
            w.stage(b, 0, b.length, m.partition(), m.sequence(), m.brokerTime(), headers(m), m.flags());
        }
        w.awaitDecoded();
        for (int p = 1; p <= t.size(); p++) { // held positions count from 1 in each burst
            seen.add(new String(t.event(p).payload(), StandardCharsets.UTF_8));
        }
        assertThat(seen).containsExactlyElementsOf(messages.stream().map(Msg::payload).toList());
        assertThat(w.appended()).isEqualTo(9000);
    }

    private static void assertStagedEqualsOneByOne(List<Msg> messages) {
        Timeline single = load(messages, false);
        Timeline staged = load(messages, true);
        assertThat(staged.size()).isEqualTo(messages.size());
        assertThat(single.size()).isEqualTo(messages.size());
        assertThat(staged.flaggedCount()).isEqualTo(single.flaggedCount());
        for (int p = 1; p <= single.size(); p++) {
            Msg m = messages.get(p - 1);
            assertThat(staged.event(p)).usingRecursiveComparison().as("position %d: %s", p, m).isEqualTo(single.event(p));
            assertThat(staged.effectiveTimeAt(p - 1)).as("effective time at %d", p).isEqualTo(single.effectiveTimeAt(p - 1));
        }
    }

    private static Timeline load(List<Msg> messages, boolean stage) {
        Timeline t = timeline(withHeaderType(ProjectionSpecReader.banking()));
        TimelineWriter w = new TimelineWriter(t);
        for (int k = 0; k < messages.size(); k++) {
            Msg m = messages.get(k);
            byte[] b = m.bytes();
            if (stage) {
                w.stage(b, 0, b.length, m.partition(), m.sequence(), m.brokerTime(), headers(m), m.flags());
                if (k == 2499 || k == 7000 || k == 7010) {
                    w.decodeStaged(); // as a source does when it would wait: batches of 2500, 4096 (full), 405, 10, …
                }
            } else {
                w.append(b, 0, b.length, m.partition(), m.sequence(), m.brokerTime(), headers(m), m.flags());
            }
        }
        w.loadDone();
        return t;
    }

    private static HeaderBlock headers(Msg m) {
        HeaderBlock h = new HeaderBlock();
        if (m.typeHeader() != null) {
            h.add("ce-type", m.typeHeader());
            h.add("kafka.key", "k\\n" + m.sequence());
        }
        return h;
    }

    private static Timeline timeline(ProjectionSpec spec) {
        return new Timeline("t", "t", CoordinateKind.SEQUENCE, spec.fieldMapping());
    }

    private static ProjectionSpec withHeaderType(ProjectionSpec s) {
        return new ProjectionSpec(s.name(), s.description(), List.of("type", "header:ce-type"), s.entityFields(),
                s.timeFields(), s.payloadFields(), s.state(), s.rules(), s.invariants());
    }

    @Provide
    Arbitrary<List<Msg>> fewMessages() {
        return message().list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Msg>> manyMessages() {
        return message().list().ofMinSize(2048).ofMaxSize(9000);
    }

    private Arbitrary<Msg> message() {
        Arbitrary<String> payloads = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(1, 3000).map(n -> "{\"type\":\"Deposit\",\"account\":\"ACC-"
                        + n + "\",\"amount\":\"" + n + ".5\"}")),
                Tuple.of(2, Arbitraries.of(
                        "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1.5,\"timestamp\":\"2024-03-01T10:00:00Z\"}",
                        "{\"account\":\"B\",\"amount\":2}", "{\"amount\":2}", "", "garbage", "[1]", "{}",
                        "{\"type\":\"Deposit\",\"amount\":1,\"timestamp\":\"2024-02-30T00:00:00Z\"}",
                        "{\"type\":\"Déposit\",\"account\":\"Zoë\",\"amount\":1}")));
        Arbitrary<Long> brokerTimes = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(EventTimes.NONE)),
                Tuple.of(4, Arbitraries.longs().between(0, 1_000_000).map(s -> T0 + s * 1_000_000_000L)));
        Arbitrary<String> typeHeaders = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("Deposit", "Withdrawal", "")));
        Arbitrary<List<Flag>> flags = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(List.<Flag>of())),
                Tuple.of(1, Arbitraries.just(List.of(TOMBSTONE))), Tuple.of(1, Arbitraries.just(List.of(RESENT))));
        return Combinators.combine(payloads, Arbitraries.of("p0", "p1", "p2"), Arbitraries.longs().between(0, 1L << 40),
                brokerTimes, typeHeaders, flags).as(Msg::new);
    }
}
