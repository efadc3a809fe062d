package io.eventscope.ui.session;

import io.eventscope.event.MemoryBudget;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineFullException;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.source.EventSource;
import io.eventscope.source.LiveTail;

/**
 * One opened source: its timeline (filled by a background load, then possibly by a live tail), the
 * replay engine over it, and the single writer both share. Plain Java; no FX state.
 */
public final class Session implements AutoCloseable {
    private final EventSource source;
    private final Timeline timeline;
    private final TimelineWriter writer;
    private final ReplayEngine engine;
    private volatile boolean cancelled;
    private volatile TimelineFullException stoppedAtBudget;
    private LiveTail tail;

    public Session(EventSource source, ProjectionSpec spec) {
        this.source = source;
        this.timeline = new Timeline(source.displayName(), source.defaultEntity(), source.coordinateKind(),
                spec.fieldMapping());
        // One decoding thread: on a two-core machine the other core stays free for the FX thread.
        this.writer = new TimelineWriter(timeline, MemoryBudget.defaultBytes(), false);
        this.engine = new ReplayEngine(timeline, spec);
    }

    public EventSource source() {
        return source;
    }

    public Timeline timeline() {
        return timeline;
    }

    public TimelineWriter writer() {
        return writer;
    }

    public ReplayEngine engine() {
        return engine;
    }

    public ProjectionSpec spec() {
        return engine.spec();
    }

    /** Asks a running load to stop; what it appended stays. */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Records that the load stopped at the memory budget (what was read stays). */
    public void stoppedAtBudget(TimelineFullException full) {
        stoppedAtBudget = full;
    }

    /** Why the load stopped early, or null when it read everything (or was cancelled). */
    public TimelineFullException stoppedAtBudget() {
        return stoppedAtBudget;
    }

    synchronized void tail(LiveTail tail) {
        this.tail = tail;
    }

    public synchronized boolean live() {
        return tail != null;
    }

    public synchronized void stopLive() {
        if (tail != null) {
            tail.close();
            tail = null;
        }
    }

    @Override
    public void close() {
        cancel();
        stopLive();
        source.close();
    }
}
