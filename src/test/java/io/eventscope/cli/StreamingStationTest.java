package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.audit.AuditReport;
import io.eventscope.audit.StreamingAudit;
import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.demo.DemoLog;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.StreamingLoad;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.RunningFold;
import io.eventscope.replay.StateJson;
import io.eventscope.replay.Violation;
import io.eventscope.source.jetstream.MessageChecks;
import io.eventscope.testing.ForkedCli;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.testing.NaiveBankFold;
import io.eventscope.testing.StateBalances;
import io.nats.client.impl.Headers;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming answers from a real nats-server stream: equal to the timeline's across many burst
 * boundaries (repeated message ids named by their first position, however far back), and exact on a
 * forked JVM whose heap could not hold the stream as a timeline ({@code state} and {@code events}).
 */
class StreamingStationTest {
    private static final int EVENTS = 160_000;
    private static final ProjectionSpec BANKING = ProjectionSpecReader.banking();
    private static NatsServerProcess server;
    private static JetStreamFixtures broker;
    private static List<String> lines;

    @TempDir
    static Path dir;

    @BeforeAll
    static void fill() throws Exception {
        server = NatsServerProcess.start();
        broker = new JetStreamFixtures(server.url());
        StringWriter demo = new StringWriter();
        new DemoLog(EVENTS, 3_000, 11).write(demo);
        lines = demo.toString().lines().toList();
        broker.createStream("ledger", "ledger.events");
        // every 5,000th message repeats the id of one 4,321 positions earlier: flagged, naming that position
        broker.publish(lines, List.of("ledger.events"), i -> {
            Headers h = new Headers();
            h.add(MessageChecks.MESSAGE_ID, "m" + (i % 5_000 == 4_999 ? i - 4_321 : i));
            return h;
        });
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

    private static String uri() {
        return "nats://" + server.hostPort() + "/ledger";
    }

    @Test
    void aStreamedStationAnswersWhatItsTimelineAnswers() throws Exception {
        LoadedSource loaded = TimelineLoad.under(BANKING).read(uri());
        assertThat(loaded.timeline().size()).isEqualTo(EVENTS);
        ReplayEngine engine = new ReplayEngine(loaded.timeline(), BANKING);
        Instant at = engine.stateAt(EVENTS / 3).time();

        assertThat(streamed(t -> RunningFold.toEnd(t, BANKING)))
                .isEqualTo(StateJson.of(loaded.sourceName(), engine.stateAt(EVENTS)));
        assertThat(streamed(t -> RunningFold.toPosition(t, BANKING, 77_777)))
                .isEqualTo(StateJson.of(loaded.sourceName(), engine.stateAt(77_777)));
        assertThat(streamed(t -> RunningFold.atTime(t, BANKING, at)))
                .isEqualTo(StateJson.of(loaded.sourceName(), engine.stateAtTime(at)));

        StreamingAudit audit = new StreamingAudit(Integer.MAX_VALUE, BANKING.clockSkew());
        List<Violation> violations = new ArrayList<>();
        StreamingLoad.Streamed s = StreamingLoad.under(BANKING).burst(4_099).read(uri(), (t, p) -> audit, (t, p) -> {
            RunningFold fold = RunningFold.toEnd(t, p).violations(violations::add);
            return held -> fold.foldHeld();
        });
        AuditReport streamed = audit.report(s.sourceName(), s.completeness(), violations);
        AuditReport whole = AuditReport.of(loaded);
        assertThat(streamed.verdict()).isEqualTo(whole.verdict());
        assertThat(streamed.groups()).isEqualTo(whole.groups());
        assertThat(streamed.flags().byKind()).isEqualTo(whole.flags().byKind());
        assertThat(streamed.completeness()).isEqualTo(whole.completeness());
        assertThat(whole.flags().byKind().toString()).contains("first seen at position " + (4_999 - 4_321 + 1));
    }

    @Test
    void stateFromTheStationIsExactOnAHeapTooSmallForItsTimeline() throws Exception {
        // events --follow keeps a timeline (its live tail appends to it): on this heap its load stops at the
        // budget, says so, and (a tail can only follow a whole load) stops
        ForkedCli timeline = fork("events", uri(), "--follow", "--follow-for", "0");
        assertThat(timeline.exit()).as(timeline.err()).isNotZero();
        assertThat(timeline.err()).as("a timeline load of the stream on this heap stops at its budget")
                .contains("the memory budget of").contains("before following it");

        ForkedCli streamed = fork("state", uri(), "--format", "json");
        assertThat(streamed.exit()).as(streamed.err()).isZero();
        JsonNode state = new ObjectMapper().readTree(streamed.out());
        assertThat(state.get("position").asInt()).isEqualTo(EVENTS);
        Map<String, BigDecimal> expected = NaiveBankFold.afterLines(repeatsDropped(), EVENTS - EVENTS / 5_000);
        StateBalances.assertBalances(state, expected);
    }

    @Test
    void eventsFromTheStationPrintsEveryMessageWithExactBalancesOnAHeapTooSmallForItsTimeline() throws Exception {
        ForkedCli events = fork("events", uri(), "--changes");
        assertThat(events.exit()).as(events.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        Map<String, BigDecimal> balances = new java.util.HashMap<>();
        int p = 0;
        int flagged = 0;
        for (String line : (Iterable<String>) events.out().lines()::iterator) {
            p++;
            JsonNode row = json.readTree(line);
            assertThat(row.get("position").asInt()).isEqualTo(p);
            assertThat(row.get("source").get("seq").asLong()).isEqualTo(p);
            assertThat(row.get("brokerTime").isNull()).isFalse();
            boolean repeat = (p - 1) % 5_000 == 4_999;
            assertThat(row.get("flags").toString().contains("DUPLICATE_MESSAGE_ID")).as("position " + p).isEqualTo(repeat);
            flagged += repeat ? 1 : 0;
            balances.put(row.get("entity").asText(), new BigDecimal(row.get("changes").get("balance").get("after").asText()));
        }
        assertThat(p).isEqualTo(EVENTS);
        assertThat(flagged).isEqualTo(EVENTS / 5_000);
        Map<String, BigDecimal> expected = NaiveBankFold.afterLines(repeatsDropped(), EVENTS - EVENTS / 5_000);
        expected.forEach((entity, balance) -> assertThat(balances.getOrDefault(entity, BigDecimal.ZERO)).as(entity)
                .isEqualByComparingTo(balance));
    }

    /** Runs the command line in a JVM with a 48 MiB heap. */
    private static ForkedCli fork(String... args) throws Exception {
        return ForkedCli.run(dir, "48m", args);
    }

    /** The lines without the repeated-id messages (flagged, so the fold skips them). */
    private static List<String> repeatsDropped() {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i % 5_000 != 4_999) {
                kept.add(lines.get(i));
            }
        }
        return kept;
    }

    private static String streamed(Function<io.eventscope.event.Timeline, RunningFold> cut) throws Exception {
        RunningFold[] fold = new RunningFold[1];
        StreamingLoad.Streamed s = StreamingLoad.under(BANKING).burst(4_099).read(uri(), (t, p) -> {
            fold[0] = cut.apply(t);
            return held -> fold[0].foldHeld();
        });
        return StateJson.of(s.sourceName(), fold[0].state());
    }
}
