package io.eventscope.cli;

import io.eventscope.event.MemoryBudget;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.StreamingLoad;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.MaskSalt;
import io.eventscope.replay.Masks;
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
                    + "e.g. 512m or 2g (default: 60%% of the JVM's maximum heap). state, verify, explain, "
                    + "reconcile, export and events (without --follow) stream in memory bounded by entities and "
                    + "need no budget.")
    String maxMemory;

    @Option(names = "--clock-skew", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "How far event time and broker time may disagree before verify reports it, e.g. PT30S or "
                    + "PT1H (default: the projection's clockSkew, else 5 minutes).")
    java.time.Duration clockSkew;

    @Option(names = "--reveal", description = "Print the values the projection's \"mask\" lists as they are "
            + "(default: masked as •••• (masked) in text, as salted SHA-256 hashes in exports).")
    boolean reveal;

    @Option(names = "--mask-salt", paramLabel = "FILE",
            description = "The secret salt of masked-value hashes (created on first use; default ~/.eventscope/mask-salt).")
    Path maskSalt;

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
        ProjectionSpec named = namedProjection();
        return clockSkew == null ? named : named.withClockSkew(clockSkew);
    }

    private ProjectionSpec namedProjection() {
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

    /**
     * How this command shows the spec's masked values: {@code shown} (text or hashes) unless --reveal. The
     * salt is read (or made) only when a hash is needed.
     */
    Masks masks(ProjectionSpec spec, Masks.Mode shown) {
        if (reveal || spec.mask().isEmpty()) {
            return Masks.of(spec, Masks.Mode.REVEAL, null);
        }
        Path file = maskSalt != null ? maskSalt
                : Path.of(System.getProperty("user.home"), ".eventscope", MaskSalt.FILE_NAME);
        try {
            return Masks.of(spec, shown, MaskSalt.read(file));
        } catch (java.io.IOException e) {
            throw new UserError(e.getMessage().startsWith("The mask salt") ? e.getMessage()
                    : "The mask salt " + file + " cannot be read or created (" + e.getMessage()
                    + "); give another file with --mask-salt.");
        }
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
     * Reads the source as a stream, handing each burst to the readers (see {@link StreamingLoad}): for
     * answers that need only a fold, in memory bounded by entities. {@code --max-memory} is checked
     * but has nothing to bound here.
     */
    StreamingLoad.Streamed stream(StreamingLoad.BurstReader... readers) {
        return stream(null, true, readers);
    }

    /** As {@link #stream}, for readers that read no event's payload (a file's lines are then not copied). */
    StreamingLoad.Streamed streamWithoutPayloads(StreamingLoad.BurstReader... readers) {
        return stream(null, false, readers);
    }

    /**
     * The same, stopping once {@code enough} says so (null: read to the end); a read that stopped early does
     * not judge whether the file is JSON Lines (a first, whole read did, or the reader saw a JSON object).
     */
    StreamingLoad.Streamed stream(java.util.function.BooleanSupplier enough, boolean payloadsRead,
                                  StreamingLoad.BurstReader... readers) {
        LoadWindow window = window();
        String password = password();
        budgetBytes();
        StreamingLoad load = StreamingLoad.under(projection()).window(window).password(password);
        if (enough != null) {
            load.until(enough);
        }
        if (!payloadsRead) {
            load.payloadsUnread();
        }
        JsonLinesSeen seen = new JsonLinesSeen();
        StreamingLoad.BurstReader[] all = new StreamingLoad.BurstReader[readers.length + 1];
        all[0] = (timeline, projection) -> seen;
        System.arraycopy(readers, 0, all, 1, readers.length);
        try {
            StreamingLoad.Streamed streamed = load.read(source, all);
            if (enough == null || !enough.getAsBoolean()) {
                seen.refuseIfNone(streamed.sourceName(), streamed.positions());
            }
            return streamed;
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
