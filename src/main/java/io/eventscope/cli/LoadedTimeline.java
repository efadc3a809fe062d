package io.eventscope.cli;

import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecException;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.source.Sources;
import java.nio.file.Path;

/** A source read whole into a timeline under a projection: what every read-only command starts from. */
public record LoadedTimeline(String sourceName, Timeline timeline, ProjectionSpec spec) {

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
        ProjectionSpec spec = projection(projectionFile);
        try (EventSource src = Sources.open(source)) {
            Timeline timeline = new Timeline(src.displayName(), src.defaultEntity(), src.coordinateKind(),
                    spec.fieldMapping());
            src.load(new TimelineWriter(timeline), LoadWindow.ALL, LoadProgress.NONE, () -> false);
            return new LoadedTimeline(src.displayName(), timeline, spec);
        } catch (SourceException e) {
            throw new UserError(e.getMessage());
        }
    }
}
