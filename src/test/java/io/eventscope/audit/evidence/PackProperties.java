package io.eventscope.audit.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.audit.Cut;
import io.eventscope.audit.StreamingAudit;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.RunningFold;
import io.eventscope.replay.Violation;
import io.eventscope.replay.Masks;
import java.util.ArrayList;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.testing.BankingLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random logs, random cuts (by position and by instant, late events included): the pack verifies, a pack of
 * the source streamed in random bursts is byte-for-byte the same, and any single byte changed in
 * events.jsonl, state.json, manifest.json or citations.json is caught.
 */
class PackProperties {
    private static Path root;
    private static SigningKey key;

    @BeforeContainer
    static void folder() throws IOException {
        root = Files.createTempDirectory("pack-properties");
        key = SigningKey.inFolder(root.resolve("keys"));
    }

    @AfterContainer
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 40)
    void anyPackVerifiesAndAnyChangedByteIsCaught(@ForAll("logs") List<String> log, @ForAll("shares") int share,
                                                   @ForAll boolean byTime, @ForAll("files") String file,
                                                   @ForAll("shares") int where) throws Exception {
        Path dir = Files.createTempDirectory(root, "case");
        Path source = dir.resolve("log.jsonl");
        Files.write(source, log);
        LoadedSource loaded = TimelineLoad.under(ProjectionSpecReader.banking()).read(source.toString());
        ReplayEngine engine = new ReplayEngine(loaded.timeline(), loaded.spec());
        int size = loaded.timeline().size();
        Cut cut = byTime ? Cut.resolve(engine, null, Instant.parse("2024-03-01T10:00:00Z").plusSeconds(60L * share % 3600))
                : Cut.resolve(engine, (long) (size * share / 100), null);
        List<Integer> cited = cut.position() == 0 ? List.of() : List.of(1, (cut.position() + 1) / 2, cut.position());
        Path pack = dir.resolve("pack");
        new PackWriter(loaded, ProjectionSpecReader.bundledText("banking"), key, "test",
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).write(pack, cut, cited);
        assertThat(new PackChecker(pack).check(null)).isNotEmpty();
        Path streamed = dir.resolve("streamed");
        Masks none = Masks.none();
        new PackWriter(streamedSource(source, cut, 1 + where % 9, streamed, cited, none),
                ProjectionSpecReader.bundledText("banking"), key, "test", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .masked(none).write(streamed, cut, cited);
        for (String f : List.of("events.jsonl", "state.json", "citations.json", "manifest.json", "signature.json",
                "report.html", "verify.py")) {
            assertThat(Files.exists(streamed.resolve(f))).as(f).isEqualTo(Files.exists(pack.resolve(f)));
            if (Files.exists(pack.resolve(f))) {
                assertThat(Files.readAllBytes(streamed.resolve(f))).as(f).isEqualTo(Files.readAllBytes(pack.resolve(f)));
            }
        }

        Path target = pack.resolve(cited.isEmpty() && file.equals("citations.json") ? "state.json" : file);
        byte[] bytes = Files.readAllBytes(target);
        if (bytes.length == 0) {
            return; // an empty cut has an empty events.jsonl: nothing to change
        }
        int at = (int) ((long) bytes.length * where / 101);
        bytes[at] ^= (byte) (1 + where % 255);
        Files.write(target, bytes);
        assertThatThrownBy(() -> new PackChecker(pack).check(null)).isInstanceOf(PackChecker.Difference.class);
    }

    /** What export does: one streamed read folds the audit and the state at the cut and writes the events. */
    private static PackSource streamedSource(Path source, Cut cut, int burst, Path pack, List<Integer> cited,
                                             Masks masks) throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.banking();
        StreamingAudit audit = new StreamingAudit(Integer.MAX_VALUE, spec.clockSkew());
        List<Violation> violations = new ArrayList<>();
        RunningFold[] state = new RunningFold[1];
        PackEvents events = PackEvents.upTo(pack, cited, masks, cut.at() != null ? null : (long) cut.position(), cut.at());
        StreamingLoad.Streamed read = StreamingLoad.under(spec).burst(burst).read(source.toString(), events,
                (timeline, p) -> audit, (timeline, p) -> {
                    RunningFold all = RunningFold.toEnd(timeline, p).violations(violations::add);
                    state[0] = cut.at() != null ? RunningFold.atTime(timeline, p, cut.at())
                            : RunningFold.toPosition(timeline, p, cut.position());
                    return held -> {
                        all.foldHeld();
                        state[0].foldHeld();
                    };
                });
        return PackSource.streamed(read, spec, audit.report(read.sourceName(), read.completeness(), violations), cut,
                state[0].state(), events);
    }

    @Provide
    Arbitrary<List<String>> logs() {
        return BankingLogs.logs(60);
    }

    @Provide
    Arbitrary<Integer> shares() {
        return Arbitraries.integers().between(0, 100);
    }

    @Provide
    Arbitrary<String> files() {
        return Arbitraries.of("events.jsonl", "state.json", "manifest.json", "citations.json");
    }
}
