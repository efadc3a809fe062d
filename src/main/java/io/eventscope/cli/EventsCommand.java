package io.eventscope.cli;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code events SOURCE [--from N] [--limit N] [--format jsonl|csv]}: the timeline, one event a line. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Dump the timeline: position, source coordinates, times, type, entity, amounts, flags.")
public final class EventsCommand implements Callable<Integer> {
    @Mixin
    SourceOptions source;

    @Option(names = "--from", defaultValue = "1", paramLabel = "N", description = "First position (default 1).")
    int from;

    @Option(names = "--limit", paramLabel = "N", description = "At most N events (default: all).")
    Integer limit;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EventRows.Format format;

    @Spec
    CommandSpec spec;

    @Option(names = "--changes", negatable = true, paramLabel = "",
            description = "Add every state field's value before and after each event (default: on when the "
                    + "projection has more than one state field, so a one-field projection prints as before).")
    Boolean changes;

    /** The projection the source was read under. */
    private ProjectionSpec projection;
    /** Its masked values as this export shows them. */
    private Masks masks;

    @Option(names = "--follow", description = "After printing, keep printing events appended to the station or "
            + "stream until stopped (Ctrl-C).")
    boolean follow;

    @Option(names = "--follow-for", paramLabel = "SECONDS",
            description = "With --follow: stop after SECONDS (default: never).")
    Long followFor;

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new UserError("--limit must be 0 or more.");
        }
        if (!follow) {
            streamAndPrint();
            return 0; // streamed: never partial
        }
        // --follow keeps the whole timeline: its live tail appends to it, and the rows are printed from it.
        try (LoadedSource session = source.open()) {
            projection = session.spec();
            masks = source.masks(projection, Masks.Mode.HASH);
            if (!session.canFollow()) {
                throw new UserError(session.sourceName() + " cannot be followed live; only stations and "
                        + "streams can.");
            }
            int exit = SourceOptions.reportPartial(session, spec.commandLine().getErr()); // the budget bounds it
            followAndPrint(session);
            return exit;
        }
    }

    /**
     * Reads the source as a stream (as state does) and prints each event as the fold passes it, burst by
     * burst: memory is bounded by entities, not events. Reading stops once the window is printed. A file's
     * rows are held back until one of its lines is a JSON object, so that the wrong file gives one sentence.
     */
    private void streamAndPrint() {
        HeldRows held = new HeldRows(new BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        PrintWriter out = new PrintWriter(held);
        EventsWindow[] window = new EventsWindow[1];
        try {
            // Also stop once the process's stdout is closed (`events big | head`). Only System.out itself knows:
            // the writers above it (picocli's, the terminal-safe one) swallow the error. Asked a few times a second.
            StreamingLoad.Streamed streamed = source.stream(() -> (window[0] != null && window[0].filled()
                    && !held.holding()) || System.out.checkError(), true, (timeline, read) -> {
                        projection = read;
                        masks = source.masks(read, Masks.Mode.HASH);
                        window[0] = window(timeline, out);
                        if (timeline.coordinateKind() == CoordinateKind.LINE) {
                            held.hold();
                        }
                        return t -> {
                            if (held.holding() && JsonLinesSeen.anyJsonObject(t)) {
                                release(held);
                            }
                            window[0].pass(t, t.size());
                            out.flush();
                        };
                    });
            window[0].check(streamed.positions());
            window[0].header();
            release(held);
        } finally {
            held.discard(); // a refused file's rows, if still held
            out.flush(); // what was printed before an error stays printed
        }
    }

    private static void release(HeldRows held) {
        try {
            held.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void followAndPrint(LoadedSource session) {
        Timeline timeline = session.timeline();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventsWindow window = window(timeline, out);
        window.check(timeline.size());
        window.header();
        window.pass(timeline, timeline.size());
        out.flush();
        long deadline = followFor == null ? Long.MAX_VALUE : System.nanoTime() + followFor * 1_000_000_000L;
        try (var tail = session.follow(e -> {
            synchronized (err) {
                err.println(e.getMessage());
                err.flush();
            }
        })) {
            while (System.nanoTime() < deadline && !window.closed()) {
                window.pass(timeline, timeline.size());
                out.flush();
                Thread.sleep(100);
            }
        } catch (io.eventscope.source.SourceException e) {
            throw new UserError(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The window --from/--limit over {@code timeline}, with change columns when asked for (or by default). */
    private EventsWindow window(Timeline timeline, PrintWriter out) {
        boolean withChanges = changes != null ? changes : projection.state().size() > 1;
        ChangeColumns changeColumns = withChanges ? new ChangeColumns(timeline, projection, masks) : null;
        return new EventsWindow(from, limit, new EventRows(format, masks, timeline.mapping(), changeColumns, out),
                changeColumns);
    }
}
