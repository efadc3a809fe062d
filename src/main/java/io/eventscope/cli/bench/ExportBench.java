package io.eventscope.cli.bench;

import io.eventscope.audit.Cut;
import io.eventscope.audit.evidence.PackWriter;
import io.eventscope.audit.evidence.SigningKey;
import io.eventscope.audit.evidence.StreamedPack;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.StreamingLoad;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.RunningFold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An evidence export of the whole generated log (events.jsonl, root, state, report), timed best of {@code runs}:
 * from a timeline already loaded (the viewer's Export; the load is not timed); and as the {@code export}
 * command does it, reading the file once as a stream, against loading the file's timeline and exporting that
 * (what the command did before it streamed), both with the read and parse timed ({@link Stopwatch#alternating}).
 */
final class ExportBench {
    /**
     * @param eventsPerS the loaded timeline's export; @param commandEventsPerS the {@code export} command's, file
     * read included; @param loadThenExportEventsPerS a timeline load of the file and its export
     */
    record Result(double eventsPerS, double commandEventsPerS, double loadThenExportEventsPerS) {
    }

    static Result run(Path file, ProjectionSpec banking, int runs) throws Exception {
        LoadedSource loaded = TimelineLoad.under(banking).read(file.toString());
        Path keys = Files.createTempDirectory("eventscope-bench-key");
        try {
            SigningKey key = SigningKey.inFolder(keys);
            int size = loaded.timeline().size();
            double seconds = Stopwatch.bestSeconds(runs, () -> exportOnce(loaded, key, size));
            double[] command = Stopwatch.alternating(runs, () -> exportCommandOnce(file, banking, key, size), () -> {
                try (LoadedSource again = TimelineLoad.under(banking).read(file.toString())) {
                    exportOnce(again, key, size);
                }
            });
            return new Result(size / seconds, size / command[0], size / command[1]);
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
        try (StreamedPack pack = StreamedPack.upTo(out, cited, Masks.none(), null, null)) {
            RunningFold[] fold = new RunningFold[1];
            List<StreamingLoad.BurstReader> readers = new ArrayList<>(List.of(pack.readers()));
            readers.add((t, spec) -> fold[0] = RunningFold.toEnd(t, spec)); // the cut's fold, as StreamedCut's
            StreamingLoad.Streamed read = StreamingLoad.under(banking).read(file.toString(),
                    readers.toArray(StreamingLoad.BurstReader[]::new));
            pack.write(read, banking, new Cut(read.positions(), null), fold[0].state(),
                    ProjectionSpecReader.bundledText("banking"), key, "bench", Clock.systemUTC());
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
