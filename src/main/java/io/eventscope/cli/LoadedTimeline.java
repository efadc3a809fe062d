package io.eventscope.cli;

import io.eventscope.event.Timeline;
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
public record LoadedTimeline(String sourceName, Timeline timeline, ProjectionSpec spec, Completeness completeness) {

    public LoadedTimeline(String sourceName, Timeline timeline, ProjectionSpec spec) {
        this(sourceName, timeline, spec, Completeness.NONE);
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
        try (Session session = open(source, projectionFile, window, password)) {
            return session.loaded();
        }
    }

    /** Loads and keeps the source open (for following it live); close the session when done. */
    public static Session open(String source, Path projectionFile, LoadWindow window, String password) {
        ProjectionSpec spec = projection(projectionFile);
        EventSource src = null;
        try {
            src = Sources.open(source, password);
            Timeline timeline = new Timeline(src.displayName(), src.defaultEntity(), src.coordinateKind(),
                    spec.fieldMapping());
            TimelineWriter writer = new TimelineWriter(timeline);
            src.load(writer, window, LoadProgress.NONE, () -> false);
            return new Session(new LoadedTimeline(src.displayName(), timeline, spec, src.completeness()), src, writer);
        } catch (SourceException e) {
            if (src != null) {
                src.close();
            }
            throw new UserError(e.getMessage());
        }
    }

    /** A loaded timeline whose source is still open, with the timeline's writer (for a live tail). */
    public record Session(LoadedTimeline loaded, EventSource source, TimelineWriter writer) implements AutoCloseable {
        @Override
        public void close() {
            source.close();
        }
    }
}
