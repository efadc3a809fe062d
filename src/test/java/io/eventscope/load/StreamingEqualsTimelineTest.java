package io.eventscope.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.audit.AuditReport;
import io.eventscope.audit.Cut;
import io.eventscope.audit.Explain;
import io.eventscope.audit.evidence.EventLines;
import io.eventscope.audit.FlagReport;
import io.eventscope.audit.StreamingAudit;
import io.eventscope.demo.DemoLog;
import io.eventscope.event.CatchUpReader;
import io.eventscope.event.EventTimes;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.RunningFold;
import io.eventscope.replay.StateJson;
import io.eventscope.replay.Violation;
import io.eventscope.testing.BankingLogs;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzz property "streaming equals timeline": for random logs (bad lines, events out of time order, the
 * default entity), random bursts and random cuts, the streaming fold answers exactly what the replay
 * engine answers on the whole loaded timeline — state at a position, at an instant and at the end, and
 * the audit (flags by reason, invariant violations, verdict), one entity's explanation at a position and at an
 * instant, and an evidence pack's events.jsonl lines. Reads that answer from the fold keep no payloads, as
 * the commands' do.
 */
class StreamingEqualsTimelineTest {
    /** Banking's rules plus a condition, a text field and an invariant, so every part of the fold runs. */
    private static final String GUARDED = """
            {"fields": {"type": "type", "entity": "account", "time": "timestamp"},
             "state": {"balance": "decimal", "status": "text"},
             "rules": [
               {"types": ["AccountOpened"], "apply": [{"op": "set", "value": "open", "to": "status"}]},
               {"types": ["Deposit", "FundsDeposited"], "apply": [{"op": "add", "field": "amount", "to": "balance"}]},
               {"types": ["withdrawal", "FundsWithdrawn"], "apply": [{"op": "subtract", "field": "amount",
                                                "to": "balance", "when": "status == 'open'"}]},
               {"types": ["StatementIssued"], "when": "balance > 0",
                "apply": [{"op": "set", "value": "stated", "to": "status"}]}],
             "invariants": [{"name": "no-overdraft", "check": "balance >= 0"}]}
            """;

    @Provide
    Arbitrary<List<String>> logs() {
        return BankingLogs.logs(120);
    }

    @Property(tries = 1000)
    void streamingAnswersEqualTimelineAnswers(@ForAll("logs") List<String> lines,
                                              @ForAll @IntRange(min = 1, max = 40) int burst,
                                              @ForAll @IntRange(min = 0, max = 130) int cut,
                                              @ForAll @IntRange(min = -1, max = 60) int minute,
                                              @ForAll boolean guarded) throws Exception {
        ProjectionSpec spec = guarded ? ProjectionSpecReader.parse(GUARDED, "guarded.json")
                : ProjectionSpecReader.banking();
        Path file = Files.createTempFile("streaming", ".jsonl");
        try {
            Files.write(file, lines);
            LoadedSource loaded = TimelineLoad.under(spec).read(file.toString());
            ReplayEngine engine = new ReplayEngine(loaded.timeline(), spec);
            int size = loaded.timeline().size();
            int position = Math.min(cut, size);
            // minute -1: before every event; 60: after every event
            Instant at = Instant.parse("2024-03-01T10:00:00Z").plusSeconds(60L * minute);

            assertThat(streamed(file, spec, burst, (t) -> RunningFold.toEnd(t, spec)))
                    .isEqualTo(StateJson.of(loaded.sourceName(), engine.stateAt(size)));
            assertThat(streamed(file, spec, burst, (t) -> RunningFold.toPosition(t, spec, position)))
                    .isEqualTo(StateJson.of(loaded.sourceName(), engine.stateAt(position)));
            assertThat(streamed(file, spec, burst, (t) -> RunningFold.atTime(t, spec, at)))
                    .isEqualTo(StateJson.of(loaded.sourceName(), engine.stateAtTime(at)));

            if (loaded.timeline().entityCount() > 0) {
                String entity = loaded.timeline().entityName(cut % loaded.timeline().entityCount());
                assertThat(streamedExplain(file, spec, burst, entity, position, null))
                        .isEqualTo(Explain.of(engine, new Cut(position, null), entity, null));
                assertThat(streamedExplain(file, spec, burst, entity, -1, at)).isEqualTo(
                        Explain.of(engine, new Cut(engine.stateAtTime(at).position(), at), entity, null));
            }
            assertThat(streamedPackLines(file, spec, burst)).isEqualTo(packLines(loaded));

            AuditReport whole = AuditReport.of(loaded);
            AuditReport streamed = streamedAudit(file, spec, burst, 3);
            assertThat(streamed.verdict()).isEqualTo(whole.verdict());
            assertThat(streamed.summary()).isEqualTo(whole.summary());
            assertThat(streamed.groups()).isEqualTo(whole.groups());
            assertThat(streamed.violations()).isEqualTo(whole.violations());
            assertThat(streamed.flags().positions()).isEqualTo(size);
            assertThat(streamed.flags().byKind().keySet()).isEqualTo(whole.flags().byKind().keySet());
            whole.flags().byKind().forEach((kind, findings) -> {
                List<FlagReport.Finding> got = streamed.flags().byKind().get(kind);
                assertThat(got.stream().map(FlagReport.Finding::position).toList())
                        .isEqualTo(findings.stream().map(FlagReport.Finding::position).toList());
                assertThat(got.subList(0, Math.min(3, got.size())))
                        .isEqualTo(findings.subList(0, Math.min(3, findings.size())));
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A log large enough that batches decode on two threads: the fold is then also handed the timeline while
     * later batches decode (it catches up on what is published), and still answers as the whole timeline does.
     */
    @Example
    void aFoldThatCatchesUpWhileBatchesDecodeAnswersAsTheTimeline() throws Exception {
        Path file = Files.createTempFile("streaming-large", ".jsonl");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new DemoLog(60_000, 300, 7).write(w);
            }
            ProjectionSpec spec = ProjectionSpecReader.banking();
            LoadedSource loaded = TimelineLoad.under(spec).read(file.toString());
            ReplayEngine engine = new ReplayEngine(loaded.timeline(), spec);
            int size = loaded.timeline().size();
            Instant mid = EventTimes.toInstant(loaded.timeline().effectiveTimeAt(size / 2));
            for (int burst : new int[] {5_000, StreamingLoad.BURST}) {
                int[] calls = new int[1];
                assertThat(caughtUp(file, spec, burst, t -> RunningFold.toEnd(t, spec), calls))
                        .isEqualTo(StateJson.of(loaded.sourceName(), engine.stateAt(size)));
                if (Runtime.getRuntime().availableProcessors() > 1) { // else every batch decodes on this thread
                    assertThat(calls[0]).isGreaterThan(size / burst + 2); // more often than once a burst
                }
                assertThat(caughtUp(file, spec, burst, t -> RunningFold.toPosition(t, spec, 31_337), calls))
                        .isEqualTo(StateJson.of(loaded.sourceName(), engine.stateAt(31_337)));
                assertThat(caughtUp(file, spec, burst, t -> RunningFold.atTime(t, spec, mid), calls))
                        .isEqualTo(StateJson.of(loaded.sourceName(), engine.stateAtTime(mid)));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The state a fold handed the timeline as a {@link CatchUpReader} gives; {@code calls} counts the hand-overs.
     * The fold reads no payload, so the read keeps none (lines are decoded where they were read).
     */
    private static String caughtUp(Path file, ProjectionSpec spec, int burst,
                                   Function<io.eventscope.event.Timeline, RunningFold> cut, int[] calls) throws Exception {
        RunningFold[] fold = new RunningFold[1];
        calls[0] = 0;
        StreamingLoad.Streamed s = StreamingLoad.under(spec).burst(burst).payloadsUnread().read(file.toString(),
                (timeline, p) -> {
            fold[0] = cut.apply(timeline);
            return (CatchUpReader) held -> {
                calls[0]++;
                if (held.size() > 0) { // a payload asked for anyway is refused, not read from garbage
                    assertThatThrownBy(() -> held.payloadAt(0)).isInstanceOf(IllegalStateException.class);
                }
                fold[0].accept(held);
            };
        });
        return StateJson.of(s.sourceName(), fold[0].state());
    }

    private static String streamed(Path file, ProjectionSpec spec, int burst,
                                   Function<io.eventscope.event.Timeline, RunningFold> cut) throws Exception {
        RunningFold[] fold = new RunningFold[1];
        StreamingLoad.Streamed s = StreamingLoad.under(spec).burst(burst).payloadsUnread().read(file.toString(),
                (timeline, p) -> {
                    fold[0] = cut.apply(timeline);
                    return held -> fold[0].foldHeld();
                });
        return StateJson.of(s.sourceName(), fold[0].state());
    }

    /** One entity's explanation gathered burst by burst, with the streamed fold's state at the same cut. */
    private static Explain streamedExplain(Path file, ProjectionSpec spec, int burst, String entity, int position,
                                           Instant at) throws Exception {
        RunningFold[] fold = new RunningFold[1];
        Explain.Steps[] steps = new Explain.Steps[1];
        StreamingLoad.under(spec).burst(burst).payloadsUnread().read(file.toString(), (timeline, p) -> {
            fold[0] = at != null ? RunningFold.atTime(timeline, p, at) : RunningFold.toPosition(timeline, p, position);
            return held -> fold[0].foldHeld();
        }, (timeline, p) -> steps[0] = new Explain.Steps(timeline, p, entity, null, position, at));
        return steps[0].explain(fold[0].state());
    }

    /** An evidence pack's events.jsonl lines rendered burst by burst, as a streamed export writes them. */
    private static List<String> streamedPackLines(Path file, ProjectionSpec spec, int burst) throws Exception {
        List<String> out = new ArrayList<>();
        StreamingLoad.under(spec).burst(burst).read(file.toString(), (timeline, p) -> {
            EventLines lines = new EventLines(timeline, p);
            return held -> {
                while (lines.position() < held.discarded() + held.size()) {
                    out.add(new String(lines.next(), 0, lines.length(), StandardCharsets.UTF_8));
                }
            };
        });
        return out;
    }

    private static List<String> packLines(LoadedSource loaded) {
        EventLines lines = new EventLines(loaded.timeline(), loaded.spec());
        List<String> out = new ArrayList<>();
        for (int p = 0; p < loaded.timeline().size(); p++) {
            out.add(new String(lines.next(), 0, lines.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static AuditReport streamedAudit(Path file, ProjectionSpec spec, int burst, int details) throws Exception {
        StreamingAudit audit = new StreamingAudit(details, spec.clockSkew());
        List<Violation> violations = new ArrayList<>();
        StreamingLoad.Streamed s = StreamingLoad.under(spec).burst(burst).payloadsUnread().read(file.toString(),
                (timeline, p) -> audit, (timeline, p) -> {
                    RunningFold fold = RunningFold.toEnd(timeline, p).violations(violations::add);
                    return held -> fold.foldHeld();
                });
        return audit.report(s.sourceName(), s.completeness(), violations);
    }
}
