package io.eventscope.load;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.Flag;
import io.eventscope.event.SourceCoordinates;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.source.Completeness;
import io.eventscope.source.EventSource;
import io.eventscope.source.LiveTail;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Events already loaded, offered again as a source: loading it under another projection replays every
 * position's payload, coordinates, broker time, headers and the flags its source gave, without reading
 * the source again (the payloads are decoded anew, so decoding flags follow the new projection). It
 * speaks for the original source (name, entity, coordinates, completeness) and follows it live; it
 * closes the original only after {@link #takeOwnership()} (until then the earlier load still owns it).
 */
public final class LoadedTimelineSource implements EventSource {
    private static final int PROGRESS_EVERY = 65_536;
    private final LoadedSource from;
    private volatile boolean owner;

    public LoadedTimelineSource(LoadedSource from) {
        this.from = from;
    }

    @Override
    public String displayName() {
        return from.source().displayName();
    }

    @Override
    public String defaultEntity() {
        return from.source().defaultEntity();
    }

    @Override
    public CoordinateKind coordinateKind() {
        return from.source().coordinateKind();
    }

    @Override
    public Completeness completeness() {
        return from.completeness();
    }

    /** The window the original load was asked for: a replay holds the same part of the source. */
    LoadWindow window() {
        return from.window();
    }

    /** The sentence of the original load that stopped at the memory budget, or null when it read to the end. */
    String stoppedEarly() {
        return from.stoppedEarly();
    }

    /**
     * Replays what the earlier load appended (its own window was applied when it was read); not what a
     * live tail added after it, since {@link #follow} reads on from the end of that load.
     */
    @Override
    public void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled) {
        Timeline t = from.timeline();
        int size = from.loadedCount();
        boolean lines = t.coordinateKind() == CoordinateKind.LINE;
        if (lines && size > 0) {
            writer.firstLine(t.coordinatesAt(0).number());
        }
        writer.expect(size);
        long start = System.nanoTime();
        for (int i = 0; i < size && !cancelled.getAsBoolean(); i++) {
            byte[] payload = t.payloadAt(i);
            if (lines) {
                writer.appendLine(payload, 0, payload.length);
            } else {
                SourceCoordinates c = t.coordinatesAt(i);
                writer.append(payload, 0, payload.length, c.partition(), c.number(), t.brokerTimeAt(i),
                        t.headerValuesAt(i), sourceFlags(t.flagsAt(i)));
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.update(status(i + 1, size, start));
            }
        }
        progress.update(status(writer.appended(), size, start));
    }

    private static LoadStatus status(long done, long total, long start) {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        return new LoadStatus(done, total, total == 0 ? 1 : (double) done / total, done / seconds);
    }

    private static List<Flag> sourceFlags(List<Flag> flags) {
        if (flags.isEmpty()) {
            return List.of();
        }
        List<Flag> kept = new ArrayList<>(flags.size());
        for (Flag f : flags) {
            if (f.kind().fromSource()) {
                kept.add(f);
            }
        }
        return kept;
    }

    @Override
    public boolean supportsFollow() {
        return from.source().supportsFollow();
    }

    @Override
    public LiveTail follow(TimelineWriter writer, Consumer<SourceException> onError) throws SourceException {
        return from.source().follow(writer, onError);
    }

    /** Whether this replays {@code loaded}'s events. */
    public boolean replays(LoadedSource loaded) {
        return from == loaded;
    }

    /** From now on closing this closes the original source: the earlier load has handed it over. */
    public void takeOwnership() {
        owner = true;
    }

    @Override
    public void close() {
        if (owner) {
            from.close();
        }
    }
}
