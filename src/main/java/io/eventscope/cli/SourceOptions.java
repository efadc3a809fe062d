package io.eventscope.cli;

import io.eventscope.event.MemoryBudget;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecException;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.source.nats.Passwords;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The SOURCE argument and the options every reading command shares. */
public final class SourceOptions {
    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "A .jsonl file, or a memphis://, nats:// (+tls) or kafka:// (kafka+ssl://) URI.")
    String source;

    @Option(names = "--projection", paramLabel = "NAME|FILE",
            description = "A bundled projection by name (see `eventscope projections`) or a spec file (JSON); "
                    + "default: banking.")
    String projection;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the broker password (or token) from the first line of FILE; "
                    + "else EVENTSCOPE_PASSWORD is used when the URI has none.")
    Path passwordFile;

    @ArgGroup(exclusive = true)
    Window window;

    @Option(names = "--debug", description = "Print stack traces of unexpected errors.")
    boolean debug;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Stop loading (keeping what was read) before the timeline takes more heap than SIZE, "
                    + "e.g. 512m or 2g (default: 60%% of the JVM's maximum heap).")
    String maxMemory;

    /** Which part of a station or stream to load (files are always read whole). */
    static final class Window {
        @Option(names = "--from-position", paramLabel = "N",
                description = "Load from stream sequence N on (a partitioned station: from sequence N of every partition; "
                        + "a Kafka topic: from offset N of every partition).")
        Long fromPosition;

        @Option(names = "--since", paramLabel = "INSTANT", converter = Converters.InstantConverter.class,
                description = "Load events the broker stored at or after INSTANT (ISO-8601).")
        Instant since;

        @Option(names = "--last", paramLabel = "N",
                description = "Load the last N sequences of the stream (a partitioned station or a Kafka topic: the last N "
                        + "events across partitions).")
        Long last;
    }

    LoadWindow window() {
        if (window == null) {
            return LoadWindow.ALL;
        }
        if (window.fromPosition != null && window.fromPosition < 1) {
            throw new UserError("--from-position must be 1 or more.");
        }
        if (window.last != null && window.last < 1) {
            throw new UserError("--last must be 1 or more.");
        }
        return new LoadWindow(window.fromPosition == null ? 0 : window.fromPosition, window.since,
                window.last == null ? 0 : window.last);
    }

    String password() {
        try {
            return Passwords.resolve(passwordFile, System.getenv());
        } catch (SourceException e) {
            throw new UserError(e.getMessage());
        }
    }

    long budgetBytes() {
        if (maxMemory == null) {
            return MemoryBudget.defaultBytes();
        }
        try {
            return MemoryBudget.parse(maxMemory);
        } catch (IllegalArgumentException e) {
            throw new UserError("--max-memory " + e.getMessage() + ".");
        }
    }

    /** The projection {@code --projection} names (bundled name or file), else the bundled banking one. */
    ProjectionSpec projection() {
        if (projection == null) {
            return ProjectionSpecReader.banking();
        }
        try {
            return ProjectionSpecReader.resolve(projection);
        } catch (ProjectionSpecException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The projection spec's text exactly as read (what an evidence pack records and replays). */
    String projectionText() {
        String name = projection == null ? "banking" : projection;
        if (ProjectionSpecReader.BUNDLED.contains(name)) {
            return ProjectionSpecReader.bundledText(name);
        }
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(projection));
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            throw new UserError("Projection spec " + projection + " cannot be read: " + e.getMessage());
        }
    }

    /** Loads the source and closes it: what a command that answers once starts from. */
    LoadedSource load() {
        try (LoadedSource loaded = open()) {
            refuseIfNotJsonLines(loaded);
            return loaded;
        }
    }

    /**
     * A file none of whose lines is JSON (a binary, a CSV, a log) is not an event log with bad lines but the
     * wrong file: one sentence and exit 1 rather than a state of nothing with every line flagged.
     */
    static void refuseIfNotJsonLines(LoadedSource loaded) {
        io.eventscope.event.Timeline t = loaded.timeline();
        if (t.size() == 0 || t.flaggedCount() < t.size() || t.coordinateKind() != io.eventscope.event.CoordinateKind.LINE) {
            return;
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.flagsAt(i).stream().noneMatch(f -> f.kind() == io.eventscope.event.FlagKind.NOT_JSON
                    || f.kind() == io.eventscope.event.FlagKind.NOT_OBJECT
                    || f.kind() == io.eventscope.event.FlagKind.DECODING_FAILURE)) {
                return;
            }
        }
        throw new UserError(loaded.sourceName() + " is not a JSON Lines file: none of its "
                + io.eventscope.event.DecimalText.grouped(t.size()) + " lines is a JSON object. Give a file with one JSON "
                + "object per line (eventscope demo writes an example).");
    }

    /** Loads the source and keeps it open (for following it live); close it when done. */
    LoadedSource open() {
        // Checked in the order the options were always checked, so the first complaint stays the same.
        LoadWindow window = window();
        String password = password();
        long budget = budgetBytes();
        TimelineLoad load = TimelineLoad.under(projection()).window(window).password(password).budgetBytes(budget);
        try {
            return load.open(source);
        } catch (io.eventscope.source.SourceException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * Says on stderr when the load stopped at the memory budget. Returns the exit code for a command
     * that printed its answer anyway: {@link EventscopeCommand#EXIT_PARTIAL} then, else 0.
     */
    static int reportPartial(LoadedSource loaded, java.io.PrintWriter err) {
        if (!loaded.partial()) {
            return 0;
        }
        err.println(loaded.stoppedEarly());
        err.flush();
        return EventscopeCommand.EXIT_PARTIAL;
    }
}
