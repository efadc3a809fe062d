package io.eventscope.ui.session;

import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.LoadedTimelineSource;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.source.EventSource;
import io.eventscope.source.LiveTail;

/**
 * One source opened in the viewer: the core's loaded source (a timeline filled by a background load,
 * then possibly by a live tail), the replay engine over it, and the running tail. Plain Java; no FX state.
 */
public final class Session implements AutoCloseable {
    private final LoadedSource loaded;
    private final ReplayEngine engine;
    private LiveTail tail;
    private volatile boolean sourceHandedOver;

    /** Wraps a load that may still be running: the timeline grows while the views show it. */
    public Session(LoadedSource loaded) {
        this.loaded = loaded;
        this.engine = new ReplayEngine(loaded.timeline(), loaded.spec());
    }

    public LoadedSource loaded() {
        return loaded;
    }

    public EventSource source() {
        return loaded.source();
    }

    public Timeline timeline() {
        return loaded.timeline();
    }

    public ReplayEngine engine() {
        return engine;
    }

    public ProjectionSpec spec() {
        return loaded.spec();
    }

    /** Asks a running load to stop; what it appended stays. */
    public void cancel() {
        loaded.cancel();
    }

    public boolean cancelled() {
        return loaded.cancelled();
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

    /**
     * When {@code next} replays {@code old}'s events, {@code next} takes over the open source: closing
     * {@code old} then leaves it open. Nothing happens for any other pair.
     */
    static void handOverSource(Session old, Session next) {
        if (old != null && next.source() instanceof LoadedTimelineSource replayed && replayed.replays(old.loaded())) {
            old.sourceHandedOver = true;
            replayed.takeOwnership();
        }
    }

    @Override
    public void close() {
        cancel();
        stopLive();
        if (!sourceHandedOver) {
            loaded.close();
        }
    }
}
