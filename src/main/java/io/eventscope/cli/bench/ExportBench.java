package io.eventscope.cli.bench;

import io.eventscope.audit.Cut;
import io.eventscope.audit.evidence.PackWriter;
import io.eventscope.audit.evidence.SigningKey;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** An evidence export of the whole generated log (events.jsonl, root, state, report), timed best of {@code runs}. */
final class ExportBench {
    record Result(double eventsPerS) {
    }

    static Result run(Path file, ProjectionSpec banking, int runs) throws Exception {
        LoadedSource loaded = TimelineLoad.under(banking).read(file.toString());
        Path keys = Files.createTempDirectory("eventscope-bench-key");
        try {
            SigningKey key = SigningKey.inFolder(keys);
            int size = loaded.timeline().size();
            double seconds = Stopwatch.bestSeconds(runs, () -> exportOnce(loaded, key, size));
            return new Result(size / seconds);
        } finally {
            deleteTree(keys);
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
