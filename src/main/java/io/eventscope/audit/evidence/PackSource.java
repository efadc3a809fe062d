package io.eventscope.audit.evidence;

import io.eventscope.audit.AuditReport;
import io.eventscope.audit.Cut;
import io.eventscope.event.CoordinateKind;
import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.ReplayState;
import io.eventscope.source.Completeness;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a pack records of its source (name, default entity, coordinates, positions read, completeness, the
 * audit), the state at a cut, and how its events are read for events.jsonl: from a loaded timeline (the
 * viewer, in one piece) or by reading a streamed source again burst by burst (export, in memory bounded by
 * entities). {@link PackWriter} writes the same bytes from either.
 */
public final class PackSource {
    /** Hands the source's events, in position order, to {@code reader}: all at once or burst by burst. */
    public interface Events {
        void read(StreamingLoad.BurstReader reader) throws IOException;
    }

    final String sourceName;
    final ProjectionSpec spec;
    final String defaultEntity;
    final CoordinateKind coordinates;
    final int positions;
    final String stoppedEarly;
    final Completeness completeness;
    final AuditReport audit;
    private final Function<Cut, ReplayState> states;
    final Events events;

    private PackSource(String sourceName, ProjectionSpec spec, Timeline names, int positions, String stoppedEarly,
                       Completeness completeness, AuditReport audit, Function<Cut, ReplayState> states, Events events) {
        this.sourceName = sourceName;
        this.spec = spec;
        this.defaultEntity = names.defaultEntity();
        this.coordinates = names.coordinateKind();
        this.positions = positions;
        this.stoppedEarly = stoppedEarly;
        this.completeness = completeness;
        this.audit = audit;
        this.states = states;
        this.events = events;
    }

    /** A loaded source: every cut's state comes from the replay engine; the events are the timeline. */
    public static PackSource of(LoadedSource loaded) {
        Timeline t = loaded.timeline();
        ReplayEngine engine = new ReplayEngine(t, loaded.spec());
        return new PackSource(loaded.sourceName(), loaded.spec(), t, t.size(), loaded.stoppedEarly(),
                loaded.completeness(), AuditReport.of(loaded, engine.violations()), cut -> cut.state(engine),
                reader -> reader.start(t, loaded.spec()).accept(t));
    }

    /**
     * A source read as a stream to its end once (its audit and the state at {@code cut} folded on the way);
     * {@code again} reads it a second time for the events, which must be the same up to the cut.
     */
    public static PackSource streamed(StreamingLoad.Streamed read, ProjectionSpec spec, AuditReport audit, Cut cut,
                                      ReplayState state, Events again) {
        return new PackSource(read.sourceName(), spec, read.timeline(), read.positions(), null, read.completeness(),
                audit, c -> {
                    if (!c.equals(cut)) {
                        throw new IllegalArgumentException("this streamed source was folded to " + cut + ", not " + c);
                    }
                    return state;
                }, Objects.requireNonNull(again, "again"));
    }

    ReplayState state(Cut cut) {
        return states.apply(cut);
    }
}
