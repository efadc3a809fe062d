package io.eventscope.testing;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds timelines from JSON lines in memory, for tests. */
public final class Timelines {
    private Timelines() {
    }

    public static Timeline banking(String defaultEntity, List<String> lines) {
        return of(ProjectionSpecReader.banking(), defaultEntity, lines);
    }

    public static Timeline of(ProjectionSpec spec, String defaultEntity, List<String> lines) {
        Timeline timeline = new Timeline(defaultEntity + ".jsonl", defaultEntity, CoordinateKind.LINE,
                spec.fieldMapping());
        TimelineWriter writer = new TimelineWriter(timeline);
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            writer.appendLine(bytes, 0, bytes.length);
        }
        return timeline;
    }
}
