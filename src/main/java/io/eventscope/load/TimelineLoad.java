package io.eventscope.load;

import io.eventscope.event.MemoryBudget;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineFullException;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.RunningFold;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one way a source becomes a timeline: opens it, builds the timeline under the projection's field
 * mapping, loads the window with progress and a cancel check, and stops cleanly at the memory budget
 * with one sentence. The command line, the viewer, the connect dialog's test and the benches all load
 * through here; nothing else constructs a {@link TimelineWriter}.
 *
 * <pre>{@code
 * LoadedSource s = TimelineLoad.under(spec).window(w).budgetBytes(b).open("nats://host/stream");
 * }</pre>
 * Set the options, then call {@link #open} (the source stays open for a live tail; close the result)
 * or {@link #read} (closed once loaded). One instance per load.
 */
public final class TimelineLoad {
    private final ProjectionSpec spec;
    private LoadWindow window = LoadWindow.ALL;
    private long budgetBytes = -1;
    private boolean twoThreads = true;
    private String password;
    private LoadProgress progress = LoadProgress.NONE;
    private BooleanSupplier cancelled = () -> false;
    private long firstEventNanos = -1;
    private BudgetMessage.Reader reader = BudgetMessage.Reader.COMMAND_LINE;
    private Consumer<LoadedSource> onStart = loaded -> { };

    private TimelineLoad(ProjectionSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** A load whose timeline reads entities, types and times with {@code spec}'s field mapping. */
    public static TimelineLoad under(ProjectionSpec spec) {
        return new TimelineLoad(spec);
    }

    /** Which part of a station or stream to read (files are read whole); default everything. */
    public TimelineLoad window(LoadWindow window) {
        this.window = Objects.requireNonNull(window, "window");
        return this;
    }

    /** Stop (keeping what was read) before the timeline passes this; default a share of the heap. */
    public TimelineLoad budgetBytes(long budgetBytes) {
        this.budgetBytes = budgetBytes;
        return this;
    }

    /** Decode on one thread: the viewer leaves the second core of a small machine to the FX thread. */
    public TimelineLoad oneDecodingThread() {
        this.twoThreads = false;
        return this;
    }

    /** Used when the source text carries no password; may be null. Never printed. */
    public TimelineLoad password(String password) {
        this.password = password;
        return this;
    }

    public TimelineLoad progress(LoadProgress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /** Stops the load when this answers true (besides {@link LoadedSource#cancel()}); what was read stays. */
    public TimelineLoad cancelWhen(BooleanSupplier cancelled) {
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
        return this;
    }

    /** Stops as soon as one event has arrived or {@code atMost} has passed: a connection test. */
    public TimelineLoad untilFirstEvent(Duration atMost) {
        this.firstEventNanos = atMost.toNanos();
        return this;
    }

    /** Words the budget sentence for the viewer instead of the command line. */
    public TimelineLoad forViewer() {
        this.reader = BudgetMessage.Reader.VIEWER;
        return this;
    }

    /**
     * Called once the source is open and its still empty timeline exists, before the first event is
     * read, on the loading thread: the viewer shows the timeline while it fills.
     */
    public TimelineLoad onStart(Consumer<LoadedSource> onStart) {
        this.onStart = Objects.requireNonNull(onStart, "onStart");
        return this;
    }

    /** Opens {@code sourceText} (a path, URI or {@link Sources#BUNDLED_SAMPLE}) and loads it; close the result. */
    public LoadedSource open(String sourceText) throws SourceException {
        EventSource source = Sources.open(sourceText, password);
        try {
            return open(source);
        } catch (SourceException | RuntimeException | Error e) {
            source.close();
            throw e;
        }
    }

    /** Loads an already open source; the result owns it from here on (closing it closes the source). */
    public LoadedSource open(EventSource source) throws SourceException {
        Timeline timeline = new Timeline(source.displayName(), source.defaultEntity(), source.coordinateKind(),
                spec.fieldMapping());
        long budget = budgetBytes > 0 ? budgetBytes : MemoryBudget.defaultBytes();
        TimelineWriter writer = new TimelineWriter(timeline, budget, twoThreads);
        LoadedSource loaded = new LoadedSource(source, timeline, writer, spec);
        loaded.window(source instanceof LoadedTimelineSource replayed ? replayed.window() : window);
        int first = window.foldEarlier() ? firstHeld(source) : 1;
        if (first > 1) { // fold what comes before the window as it streams by; show the timeline once it holds the window
            RunningFold before = RunningFold.toPosition(timeline, spec, first - 1);
            writer.holdFrom(first, StreamingLoad.BURST, before::foldHeld, () -> {
                loaded.held(before.prior());
                onStart.accept(loaded);
            });
        } else {
            onStart.accept(loaded);
        }
        String stoppedEarly = null;
        try {
            source.load(writer, window.foldEarlier() ? LoadWindow.ALL : window, progress, stopCheck(loaded));
        } catch (TimelineFullException full) {
            stoppedEarly = BudgetMessage.sentence(source.displayName(), source.coordinateKind(), full, reader);
        }
        writer.holdNow(); // the source ended before the window's start: the window is empty
        writer.loadDone();
        if (stoppedEarly == null && source instanceof LoadedTimelineSource replayed) {
            stoppedEarly = replayed.stoppedEarly(); // a replay of a cut load holds only that first part too
        }
        loaded.finished(source.completeness(), stoppedEarly);
        return loaded;
    }

    /** The first position a held window keeps (1: the whole source fits in it). */
    private int firstHeld(EventSource source) throws SourceException {
        long from = window.fromPosition();
        if (window.since() != null) {
            from = FirstSince.of(source, spec, window.since());
        } else if (window.last() > 0) {
            long total = source.positionCount();
            if (total < 0) {
                throw new SourceException(source.displayName() + " cannot count its events, so its last "
                        + window.last() + " cannot be found; load from a position instead.");
            }
            from = total - window.last() + 1;
        }
        return (int) Math.max(1, Math.min(from, Integer.MAX_VALUE));
    }

    /** Opens and loads {@code sourceText}, then closes the source: for commands that answer once. */
    public LoadedSource read(String sourceText) throws SourceException {
        try (LoadedSource loaded = open(sourceText)) {
            return loaded;
        }
    }

    private BooleanSupplier stopCheck(LoadedSource loaded) {
        BooleanSupplier asked = () -> loaded.cancelled() || cancelled.getAsBoolean();
        if (firstEventNanos < 0) {
            return asked;
        }
        long start = System.nanoTime();
        Timeline timeline = loaded.timeline();
        return () -> asked.getAsBoolean() || timeline.size() > 0 || System.nanoTime() - start > firstEventNanos;
    }
}
