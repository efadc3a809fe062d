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
import io.eventscope.replay.Masks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What a pack records of its source (name, default entity, coordinates, positions read, completeness, the
 * audit), the state at a cut, and its events.jsonl: written from a loaded timeline (the viewer, in one
 * piece) or already written as a streamed source was read (export, in one read, in memory bounded by
 * entities). {@link PackWriter} writes the same bytes from either.
 */
public final class PackSource {
    /** The pack's events.jsonl in {@code dir}, written and cut at {@code cut}. */
    interface Events {
        PackEvents written(Path dir, List<Integer> cited, Masks masks, Cut cut) throws IOException;
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
                (dir, cited, masks, cut) -> {
                    PackEvents events = PackEvents.into(dir, cited, masks, cut.position(), null);
                    try {
                        events.start(t, loaded.spec()).accept(t);
                        events.finish(cut.position());
                        return events;
                    } catch (IOException | RuntimeException e) {
                        events.close();
                        throw e;
                    }
                });
    }

    /**
     * A source read as a stream to its end once: its audit and the state at {@code cut} folded on the way,
     * and {@code events} (a reader of that same read) wrote events.jsonl.
     */
    public static PackSource streamed(StreamingLoad.Streamed read, ProjectionSpec spec, AuditReport audit, Cut cut,
                                      ReplayState state, PackEvents events) {
        return new PackSource(read.sourceName(), spec, read.timeline(), read.positions(), null, read.completeness(),
                audit, c -> {
                    if (!c.equals(cut)) {
                        throw new IllegalArgumentException("this streamed source was folded to " + cut + ", not " + c);
                    }
                    return state;
                }, (dir, cited, masks, c) -> {
                    events.checkSame(dir, cited, masks);
                    events.finish(c.position());
                    return events;
                });
    }

    ReplayState state(Cut cut) {
        return states.apply(cut);
    }
}
