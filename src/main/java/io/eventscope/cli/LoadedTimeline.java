package io.eventscope.cli;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.DecimalText;
import io.eventscope.event.MemoryBudget;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineFullException;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecException;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.Completeness;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.source.Sources;
import java.nio.file.Path;

/**
 * A source read into a timeline under a projection: what every read-only command starts from.
 * {@code completeness} says which sequences the load got (gaps, resends, repeated ids).
 */
public record LoadedTimeline(String sourceName, Timeline timeline, ProjectionSpec spec, Completeness completeness,
                             String stoppedEarly) {

    public LoadedTimeline(String sourceName, Timeline timeline, ProjectionSpec spec) {
        this(sourceName, timeline, spec, Completeness.NONE, null);
    }

    public LoadedTimeline(String sourceName, Timeline timeline, ProjectionSpec spec, Completeness completeness) {
        this(sourceName, timeline, spec, completeness, null);
    }

    /** True when the load stopped at the memory budget: only the first part of the source is here. */
    public boolean partial() {
        return stoppedEarly != null;
    }

    public static ProjectionSpec projection(Path file) {
        if (file == null) {
            return ProjectionSpecReader.banking();
        }
        try {
            return ProjectionSpecReader.read(file);
        } catch (ProjectionSpecException e) {
            throw new UserError(e.getMessage());
        }
    }

    public static LoadedTimeline load(String source, Path projectionFile) {
        return load(source, projectionFile, LoadWindow.ALL, null);
    }

    public static LoadedTimeline load(String source, Path projectionFile, LoadWindow window, String password) {
        return load(source, projectionFile, window, password, MemoryBudget.defaultBytes());
    }

    public static LoadedTimeline load(String source, Path projectionFile, LoadWindow window, String password,
                                      long budgetBytes) {
        try (Session session = open(source, projectionFile, window, password, budgetBytes)) {
            return session.loaded();
        }
    }

    /**
     * Loads and keeps the source open (for following it live); close the session when done. A load that
     * reaches {@code budgetBytes} stops there and keeps what it has (see {@link #partial()}).
     */
    public static Session open(String source, Path projectionFile, LoadWindow window, String password,
                               long budgetBytes) {
        ProjectionSpec spec = projection(projectionFile);
        EventSource src = null;
        try {
            src = Sources.open(source, password);
            Timeline timeline = new Timeline(src.displayName(), src.defaultEntity(), src.coordinateKind(),
                    spec.fieldMapping());
            TimelineWriter writer = new TimelineWriter(timeline, budgetBytes);
            String stoppedEarly = null;
            try {
                src.load(writer, window, LoadProgress.NONE, () -> false);
            } catch (TimelineFullException full) {
                stoppedEarly = stoppedEarlyMessage(src, full);
            }
            return new Session(new LoadedTimeline(src.displayName(), timeline, spec, src.completeness(), stoppedEarly),
                    src, writer);
        } catch (SourceException e) {
            if (src != null) {
                src.close();
            }
            throw new UserError(e.getMessage());
        }
    }

    private static String stoppedEarlyMessage(EventSource src, TimelineFullException full) {
        String advice = src.coordinateKind() == CoordinateKind.LINE
                ? "raise the budget with --max-memory and the JVM's -Xmx to read the whole file"
                : "load a window with --since INSTANT or --last N to see later events, or raise --max-memory and -Xmx";
        return "Stopped loading " + src.displayName() + " after " + DecimalText.grouped(full.loaded())
                + " events: the memory budget of " + DecimalText.grouped(full.budgetBytes() >> 20)
                + " MiB is used up. What follows covers only those events; " + advice + ".";
    }

    /** A loaded timeline whose source is still open, with the timeline's writer (for a live tail). */
    public record Session(LoadedTimeline loaded, EventSource source, TimelineWriter writer) implements AutoCloseable {
        @Override
        public void close() {
            source.close();
        }
    }
}
