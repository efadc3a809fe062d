package io.eventscope.cli;

import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayEngine;
import java.io.PrintWriter;
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

    /** The projection the source was loaded under. */
    private ProjectionSpec projection;
    /** Its masked values as this export shows them. */
    private Masks masks;
    /** The state fields' columns of the rows being written, or null. */
    private ChangeColumns changeColumns;

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
            LoadedSource loaded = source.load();
            projection = loaded.spec();
            masks = source.masks(projection, Masks.Mode.HASH);
            print(loaded.timeline(), spec.commandLine().getOut());
            return SourceOptions.reportPartial(loaded, spec.commandLine().getErr());
        }
        try (LoadedSource session = source.open()) {
            projection = session.spec();
            masks = source.masks(projection, Masks.Mode.HASH);
            if (!session.canFollow()) {
                throw new UserError(session.sourceName() + " cannot be followed live; only stations and "
                        + "streams can.");
            }
            followAndPrint(session);
        }
        return 0;
    }

    private void followAndPrint(LoadedSource session) {
        Timeline timeline = session.timeline();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int printed = print(timeline, out);
        long deadline = followFor == null ? Long.MAX_VALUE : System.nanoTime() + followFor * 1_000_000_000L;
        try (var tail = session.follow(e -> {
            synchronized (err) {
                err.println(e.getMessage());
                err.flush();
            }
        }); EventRows rows = rows(timeline, out)) {
            while (System.nanoTime() < deadline && (limit == null || printed - from + 1 < limit)) {
                int size = timeline.size();
                int end = limit == null ? size : (int) Math.min(size, (long) from - 1 + limit);
                for (int p = Math.max(printed + 1, from); p <= end; p++) {
                    rows.row(timeline.event(p), changeColumns == null ? null : changeColumns.at(p));
                    printed = p;
                }
                out.flush();
                Thread.sleep(100);
            }
        } catch (io.eventscope.source.SourceException e) {
            throw new UserError(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The rows writer for {@code timeline}, with change columns when asked for (or by default). */
    private EventRows rows(Timeline timeline, PrintWriter out) {
        boolean withChanges = changes != null ? changes : projection.state().size() > 1;
        changeColumns = withChanges ? new ChangeColumns(new ReplayEngine(timeline, projection), masks) : null;
        return new EventRows(format, masks, timeline.mapping(), changeColumns, out);
    }

    /** Prints the window --from/--limit of what is loaded; returns the last position printed (from - 1 if none). */
    private int print(Timeline timeline, PrintWriter out) {
        int size = timeline.size();
        if (from < 1 || (from > size && size > 0) || (size == 0 && from != 1)) {
            throw new UserError("--from " + from + " is beyond the end: the timeline has " + size
                    + " positions (use 1.." + Math.max(size, 1) + ").");
        }
        int end = limit == null ? size : (int) Math.min(size, (long) from - 1 + limit);
        try (EventRows rows = rows(timeline, out)) {
            rows.header();
            for (int p = from; p <= end; p++) {
                rows.row(timeline.event(p), changeColumns == null ? null : changeColumns.at(p));
            }
        }
        out.flush();
        return Math.max(end, from - 1);
    }
}
