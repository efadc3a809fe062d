package io.eventscope.load;

import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.PriorState;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.Completeness;
import io.eventscope.source.EventSource;
import io.eventscope.source.LiveTail;
import io.eventscope.source.SourceException;
import java.util.function.Consumer;

/**
 * A source read into a timeline under a projection, made by {@link TimelineLoad}: what every command
 * and the viewer start from. While the source is open it can be followed live (the tail appends through
 * the same writer the load used); {@link #close()} closes the source, and the timeline stays usable.
 */
public final class LoadedSource implements AutoCloseable {
    private final EventSource source;
    private final Timeline timeline;
    private final TimelineWriter writer;
    private final ProjectionSpec spec;
    private volatile boolean cancelled;
    private volatile Completeness completeness = Completeness.NONE;
    private volatile String stoppedEarly;
    private volatile int loadedCount = -1;
    private volatile io.eventscope.source.LoadWindow window = io.eventscope.source.LoadWindow.ALL;
    private volatile PriorState prior;

    LoadedSource(EventSource source, Timeline timeline, TimelineWriter writer, ProjectionSpec spec) {
        this.source = source;
        this.timeline = timeline;
        this.writer = writer;
        this.spec = spec;
    }

    /** The part of the source this load was asked for (a replay under another projection: the original's). */
    public io.eventscope.source.LoadWindow window() {
        return window;
    }

    void window(io.eventscope.source.LoadWindow asked) {
        this.window = asked;
    }

    /** What the user opened, safe to show (no password). */
    public String sourceName() {
        return source.displayName();
    }

    public EventSource source() {
        return source;
    }

    public Timeline timeline() {
        return timeline;
    }

    public ProjectionSpec spec() {
        return spec;
    }

    /** Which sequences the load got (gaps, resends, repeated ids); a caveat when some event ids went unchecked. */
    public Completeness completeness() {
        return completeness.withCaveat(writer.idCheckCaveat());
    }

    /** The one sentence saying the load stopped at the memory budget, or null when it read to the end. */
    public String stoppedEarly() {
        return stoppedEarly;
    }

    /** True when the load stopped at the memory budget: only the first part of the source is here. */
    public boolean partial() {
        return stoppedEarly != null;
    }

    /** Asks a running load to stop; what it appended stays. */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Whether {@link #follow} can work: stations and streams, not files. */
    public boolean canFollow() {
        return source.supportsFollow();
    }

    /**
     * Keeps appending events that arrive after the load, from a thread the source owns, until the tail
     * is closed. Problems after the start come to {@code onError} as one-sentence messages.
     */
    public LiveTail follow(Consumer<SourceException> onError) throws SourceException {
        return source.follow(writer, onError);
    }

    /**
     * Positions the load itself appended (a live tail appends after them; {@link #follow} starts reading
     * after them too), or the current size while the load still runs.
     */
    public int loadedCount() {
        int n = loadedCount;
        return n < 0 ? timeline.size() : n;
    }

    /**
     * For a held window: the fold of the positions before it (seed the replay engine with it), else
     * null. Set before the load shows its timeline.
     */
    public PriorState prior() {
        return prior;
    }

    /** The memory budget the load stopped at or kept under. */
    public long budgetBytes() {
        return writer.budgetBytes();
    }

    /** Positions of the source before the first one held: 0 unless this is a held window. */
    public int positionsBefore() {
        PriorState p = prior;
        return p == null ? 0 : p.positions();
    }

    void held(PriorState prior) {
        this.prior = prior;
    }

    void finished(Completeness completeness, String stoppedEarly) {
        this.loadedCount = timeline.size();
        this.completeness = completeness;
        this.stoppedEarly = stoppedEarly;
    }

    /** Closes the source (and so any live tail's connection); the timeline keeps what it holds. */
    @Override
    public void close() {
        source.close();
    }
}
