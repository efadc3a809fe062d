package io.eventscope.cli.bench;

import io.eventscope.audit.Cut;
import io.eventscope.audit.StreamingAudit;
import io.eventscope.audit.evidence.PackEvents;
import io.eventscope.audit.evidence.PackSource;
import io.eventscope.audit.evidence.PackWriter;
import io.eventscope.audit.evidence.SigningKey;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.StreamingLoad;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.RunningFold;
import io.eventscope.replay.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An evidence export of the whole generated log (events.jsonl, root, state, report), timed best of {@code runs},
 * two ways: from a timeline already loaded (the viewer's Export; the load is not timed), and as the
 * {@code export} command does it, reading the file once as a stream (the read and parse are timed).
 */
final class ExportBench {
    /** @param eventsPerS the loaded timeline's export; @param commandEventsPerS the {@code export} command's, file read included */
    record Result(double eventsPerS, double commandEventsPerS) {
    }

    static Result run(Path file, ProjectionSpec banking, int runs) throws Exception {
        LoadedSource loaded = TimelineLoad.under(banking).read(file.toString());
        Path keys = Files.createTempDirectory("eventscope-bench-key");
        try {
            SigningKey key = SigningKey.inFolder(keys);
            int size = loaded.timeline().size();
            double seconds = Stopwatch.bestSeconds(runs, () -> exportOnce(loaded, key, size));
            double command = Stopwatch.bestSeconds(runs, () -> exportCommandOnce(file, banking, key, size));
            return new Result(size / seconds, size / command);
        } finally {
            deleteTree(keys);
        }
    }

    /**
     * What {@code eventscope export FILE --cite 1,N} does after parsing its options (cli.bench may not call
     * cli): one streamed read folds the audit and the state and writes events.jsonl, then the pack is signed.
     */
    private static void exportCommandOnce(Path file, ProjectionSpec banking, SigningKey key, int size) throws Exception {
        Path dir = Files.createTempDirectory("eventscope-bench-pack");
        Path out = dir.resolve("pack");
        List<Integer> cited = List.of(1, size);
        Masks masks = Masks.none();
        try (PackEvents events = PackEvents.upTo(out, cited, masks, null, null)) {
            StreamingAudit audit = new StreamingAudit(0, banking.clockSkew());
            List<Violation> violations = new ArrayList<>();
            RunningFold[] fold = new RunningFold[1];
            StreamingLoad.Streamed read = StreamingLoad.under(banking).read(file.toString(), (t, spec) -> audit,
                    (t, spec) -> {
                        fold[0] = RunningFold.toEnd(t, spec).violations(violations::add);
                        return held -> fold[0].foldHeld();
                    }, events);
            Cut cut = new Cut(read.positions(), null);
            PackSource pack = PackSource.streamed(read, banking,
                    audit.report(read.sourceName(), read.completeness(), violations), cut, fold[0].state(), events);
            new PackWriter(pack, ProjectionSpecReader.bundledText("banking"), key, "bench", Clock.systemUTC())
                    .masked(masks).write(out, cut, cited);
        } finally {
            deleteTree(dir);
        }
    }

    private static void exportOnce(LoadedSource loaded, SigningKey key, int size) throws IOException {
        Path dir = Files.createTempDirectory("eventscope-bench-pack");
        try {
            new PackWriter(loaded, ProjectionSpecReader.bundledText("banking"), key, "bench", Clock.systemUTC())
                    .write(dir.resolve("pack"), new Cut(size, null), List.of(1, size));
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
