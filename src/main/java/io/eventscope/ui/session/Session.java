package io.eventscope.ui.session;

import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.LoadedTimelineSource;
import io.eventscope.replay.Masks;
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
    private volatile Masks masks;

    /** Wraps a load that may still be running: the timeline grows while the views show it. */
    public Session(LoadedSource loaded) {
        this.loaded = loaded;
        this.engine = new ReplayEngine(loaded.timeline(), loaded.spec(), loaded.prior());
        // On screen a masked entity keeps a short hash so rows stay apart; a salt of its own, never exported.
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        this.masks = Masks.of(loaded.spec(), Masks.Mode.SHOW, salt);
    }

    /** How the projection's masked values show in this session: masked until {@link #reveal()}. */
    public Masks masks() {
        return masks;
    }

    /** Shows the masked values as they are for the rest of this session (the user confirmed it). */
    public void reveal() {
        masks = Masks.of(loaded.spec(), Masks.Mode.REVEAL, null);
    }

    public boolean revealed() {
        return masks.revealed();
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
