package io.eventscope.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.demo.DemoLog;
import io.eventscope.replay.EventChange;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.ReplayState;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.testing.NaiveBankFold;
import io.nats.client.impl.Headers;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A held window (the viewer's answer to a source larger than the memory budget): only the window is
 * held, everything before it is folded as it streams by, and state at any cut inside the window is the
 * state of the whole history at the same source position, from a file and from a nats-server stream.
 */
class HeldWindowTest {
    private static final ProjectionSpec BANKING = ProjectionSpecReader.banking();
    private static final int EVENTS = 150_000;
    @TempDir
    static Path dir;
    private static Path file;
    private static List<String> lines;

    @BeforeAll
    static void writeLog() throws Exception {
        StringWriter demo = new StringWriter();
        new DemoLog(EVENTS, 2_000, 5).write(demo);
        lines = demo.toString().lines().toList();
        file = dir.resolve("ledger.jsonl");
        Files.write(file, lines);
    }

    @Test
    void stateInsideAFileWindowIsTheWholeFilesStateAtTheSameLine() throws Exception {
        LoadedSource whole = TimelineLoad.under(BANKING).read(file.toString());
        ReplayEngine all = new ReplayEngine(whole.timeline(), BANKING);
        // 70,001 lies past one streamed burst (65,536) and inside a line batch, not on a boundary
        int first = 70_001;

        LoadedSource held = TimelineLoad.under(BANKING).window(LoadWindow.heldFrom(first)).read(file.toString());

        assertThat(held.positionsBefore()).isEqualTo(first - 1);
        assertThat(held.timeline().size()).isEqualTo(EVENTS - first + 1);
        assertThat(held.timeline().coordinatesAt(0).number()).as("line of the window's first event").isEqualTo(first);
        ReplayEngine window = new ReplayEngine(held.timeline(), BANKING, held.prior());
        for (int cut : new int[] {0, 1, 2, 999, 40_000, EVENTS - first + 1}) {
            assertSameState(window.stateAt(cut), all.stateAt(first - 1 + cut), first - 1);
        }
        // and the arithmetic alone agrees (no engine on either side)
        assertThat(balances(window.stateAt(10))).isEqualTo(NaiveBankFold.afterLines(lines, first - 1 + 10));
    }

    @Test
    void theFirstChangeInTheWindowStartsFromTheCarriedInBalance() throws Exception {
        LoadedSource whole = TimelineLoad.under(BANKING).read(file.toString());
        int first = 1_234;
        LoadedSource held = TimelineLoad.under(BANKING).window(LoadWindow.heldFrom(first)).read(file.toString());

        EventChange inWindow = new ReplayEngine(held.timeline(), BANKING, held.prior()).changeAt(1);
        EventChange inWhole = new ReplayEngine(whole.timeline(), BANKING).changeAt(first);

        assertThat(inWindow.entity()).isEqualTo(inWhole.entity());
        assertThat(inWindow.before() == null ? null : inWindow.before().decimals())
                .isEqualTo(inWhole.before() == null ? null : inWhole.before().decimals());
        assertThat(inWindow.after().decimals()).isEqualTo(inWhole.after().decimals());
    }

    @Test
    void theLastNOfAFileAreItsLastNLines() throws Exception {
        LoadedSource held = TimelineLoad.under(BANKING).window(LoadWindow.heldLast(25_000)).read(file.toString());

        assertThat(held.timeline().size()).isEqualTo(25_000);
        assertThat(held.positionsBefore()).isEqualTo(EVENTS - 25_000);
        assertThat(held.timeline().coordinatesAt(0).number()).isEqualTo(EVENTS - 25_000 + 1L);
        assertThat(balances(new ReplayEngine(held.timeline(), BANKING, held.prior()).stateAt(25_000)))
                .isEqualTo(NaiveBankFold.afterLines(lines, EVENTS));
    }

    @Test
    void aWindowSinceAnInstantStartsAtTheFirstEventAtOrAfterIt() throws Exception {
        LoadedSource whole = TimelineLoad.under(BANKING).read(file.toString());
        java.time.Instant since = whole.timeline().event(100_000).effectiveTime();
        int expected = 1;
        while (whole.timeline().event(expected).effectiveTime() == null
                || whole.timeline().event(expected).effectiveTime().isBefore(since)) {
            expected++;
        }

        LoadedSource held = TimelineLoad.under(BANKING).window(LoadWindow.heldSince(since)).read(file.toString());

        assertThat(held.positionsBefore() + 1).isEqualTo(expected);
        assertSameState(new ReplayEngine(held.timeline(), BANKING, held.prior()).stateAt(3),
                new ReplayEngine(whole.timeline(), BANKING).stateAt(expected - 1 + 3), expected - 1);
    }

    @Test
    void aWindowLargerThanTheSourceHoldsAllOfItAndOneBeyondItsEndHoldsNothing() throws Exception {
        LoadedSource bigger = TimelineLoad.under(BANKING).window(LoadWindow.heldLast(10L * EVENTS)).read(file.toString());
        assertThat(bigger.prior()).isNull();
        assertThat(bigger.timeline().size()).isEqualTo(EVENTS);

        LoadedSource beyond = TimelineLoad.under(BANKING).window(LoadWindow.heldFrom(EVENTS + 50)).read(file.toString());
        assertThat(beyond.timeline().size()).isZero();
        assertThat(beyond.positionsBefore()).isEqualTo(EVENTS);
        assertThat(balances(new ReplayEngine(beyond.timeline(), BANKING, beyond.prior()).stateAt(0)))
                .isEqualTo(NaiveBankFold.afterLines(lines, EVENTS));
    }

    @Test
    void stateInsideAStreamWindowIsTheWholeStreamsStateAtTheSamePosition() throws Exception {
        try (NatsServerProcess server = NatsServerProcess.start();
             JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.createStream("ledger", "ledger.events");
            List<String> part = lines.subList(0, 90_000);
            broker.publish(part, List.of("ledger.events"), i -> new Headers());
            String uri = "nats://" + server.hostPort() + "/ledger";
            LoadedSource whole = TimelineLoad.under(BANKING).read(uri);
            ReplayEngine all = new ReplayEngine(whole.timeline(), BANKING);
            int first = 66_000;

            LoadedSource held = TimelineLoad.under(BANKING).window(LoadWindow.heldFrom(first)).read(uri);

            assertThat(held.timeline().size()).isEqualTo(part.size() - first + 1);
            assertThat(held.timeline().coordinatesAt(0).number()).as("stream sequence").isEqualTo(first);
            ReplayEngine window = new ReplayEngine(held.timeline(), BANKING, held.prior());
            for (int cut : new int[] {0, 1, 5_000, part.size() - first + 1}) {
                assertSameState(window.stateAt(cut), all.stateAt(first - 1 + cut), first - 1);
            }
            // the last N of a stream come from its message count (stream info)
            LoadedSource last = TimelineLoad.under(BANKING).window(LoadWindow.heldLast(10_000)).read(uri);
            assertThat(last.timeline().coordinatesAt(0).number()).isEqualTo(part.size() - 10_000 + 1L);
            assertSameState(new ReplayEngine(last.timeline(), BANKING, last.prior()).stateAt(10_000),
                    all.stateAt(part.size()), part.size() - 10_000);
        }
    }

    @Test
    void aSourceThatCannotCountItsEventsSaysSoForTheLastN() {
        ThrowingCount source = new ThrowingCount();
        assertThatThrownBy(() -> TimelineLoad.under(BANKING).window(LoadWindow.heldLast(5)).open(source))
                .isInstanceOf(SourceException.class)
                .hasMessage("counting cannot count its events, so its last 5 cannot be found; load from a position instead.");
    }

    /** Same balances, texts, event counts, times and flagged counts; last positions in window terms. */
    private static void assertSameState(ReplayState window, ReplayState whole, int before) {
        assertThat(window.flagged()).as("flagged at %d", whole.position()).isEqualTo(whole.flagged());
        assertThat(window.entities()).as("entities at %d", whole.position())
                .isEqualTo(whole.entities().stream().map(e -> new EntityState(e.entity(), e.decimals(), e.texts(),
                        e.events(), e.lastChange(), Math.max(0, e.lastPosition() - before))).toList());
    }

    private static java.util.Map<String, java.math.BigDecimal> balances(ReplayState state) {
        java.util.Map<String, java.math.BigDecimal> out = new java.util.TreeMap<>();
        state.entities().forEach(e -> out.put(e.entity(), e.decimal("balance")));
        return out;
    }

    /** A source with no count: a file-less stand-in. */
    private static final class ThrowingCount implements io.eventscope.source.EventSource {
        @Override public String displayName() {
            return "counting";
        }

        @Override public String defaultEntity() {
            return "counting";
        }

        @Override public io.eventscope.event.CoordinateKind coordinateKind() {
            return io.eventscope.event.CoordinateKind.SEQUENCE;
        }

        @Override public void load(io.eventscope.event.TimelineWriter writer, LoadWindow window,
                io.eventscope.source.LoadProgress progress, java.util.function.BooleanSupplier cancelled) {
        }
    }
}
