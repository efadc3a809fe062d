package io.eventscope.cli.bench;

import io.eventscope.audit.Cut;
import io.eventscope.audit.evidence.PackWriter;
import io.eventscope.audit.evidence.SigningKey;
import io.eventscope.cli.EventscopeCommand;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * An evidence export of the whole generated log (events.jsonl, root, state, report), timed best of {@code runs},
 * two ways: from a timeline already loaded (the viewer's Export; the load is not timed), and as the
 * {@code export} command runs it, reading the file once as a stream (the read and parse are timed).
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
            double command = Stopwatch.bestSeconds(runs, () -> exportCommandOnce(file, keys, size));
            return new Result(size / seconds, size / command);
        } finally {
            deleteTree(keys);
        }
    }

    /** {@code eventscope export FILE --cite 1,N}, in this JVM, its output kept off the terminal. */
    private static void exportCommandOnce(Path file, Path keys, int size) throws IOException {
        Path dir = Files.createTempDirectory("eventscope-bench-pack");
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = EventscopeCommand.output(EventscopeCommand.commandLine(false), out, err);
            int exit = cl.execute("export", file.toString(), "--out", dir.resolve("pack").toString(),
                    "--cite", "1," + size, "--signing-key-folder", keys.toString());
            if (exit != 0) {
                throw new IllegalStateException("export failed: " + err);
            }
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
