package io.eventscope.testing;

import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.Sources;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Loading sources into timelines and reading final balances, for source tests. */
public final class Loads {
    private Loads() {
    }

    public static Timeline timelineFor(EventSource source) {
        return new Timeline(source.displayName(), source.defaultEntity(), source.coordinateKind(),
                ProjectionSpecReader.banking().fieldMapping());
    }

    public static Timeline load(EventSource source, LoadWindow window) throws SourceException {
        Timeline t = timelineFor(source);
        source.load(new TimelineWriter(t), window, LoadProgress.NONE, () -> false);
        return t;
    }

    public static Timeline load(EventSource source) throws SourceException {
        return load(source, LoadWindow.ALL);
    }

    /** The bundled sample read through the core loader under the banking projection (source closed). */
    public static LoadedSource bundledSample() {
        return read(Sources.BUNDLED_SAMPLE);
    }

    /** A path or URI read through the core loader under the banking projection (source closed). */
    public static LoadedSource read(String sourceText) {
        try {
            return TimelineLoad.under(ProjectionSpecReader.banking()).read(sourceText);
        } catch (SourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entity's balance after the whole timeline, by entity id (sorted). */
    public static Map<String, BigDecimal> balances(Timeline timeline) {
        Map<String, BigDecimal> out = new TreeMap<>();
        ReplayEngine engine = new ReplayEngine(timeline, ProjectionSpecReader.banking());
        for (EntityState e : engine.stateAt(timeline.size()).entities()) {
            out.put(e.entity(), e.decimal("balance"));
        }
        return out;
    }
}
