package io.eventscope.load;

import io.eventscope.event.CatchUpReader;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.Completeness;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a source as a stream, for answers that need only a fold (state, verify): the same sources and
 * decoder as {@link TimelineLoad}, but the timeline holds one burst of events at a time. Each burst,
 * once decoded, goes to every reader (a {@link io.eventscope.replay.RunningFold}, a findings counter),
 * then is dropped; positions, line numbers and interned names run on across bursts. Memory is one burst
 * plus what the readers keep (the fold: a row per entity), not the events. A reader that is a
 * {@link CatchUpReader} is also handed the timeline while later positions decode.
 *
 * <pre>{@code
 * RunningFold[] fold = new RunningFold[1];
 * Streamed s = StreamingLoad.under(spec).read("nats://host/stream", (timeline, spec) -> {
 *     fold[0] = RunningFold.toEnd(timeline, spec);
 *     return held -> fold[0].foldHeld();
 * });
 * }</pre>
 */
public final class StreamingLoad {
    /** Positions held between folds: columns and payloads of about 10 MB for ~120-byte events. */
    static final int BURST = 1 << 16;

    private final ProjectionSpec spec;
    private LoadWindow window = LoadWindow.ALL;
    private String password;
    private LoadProgress progress = LoadProgress.NONE;
    private int burst = BURST;
    private java.util.function.BooleanSupplier enough = () -> false;
    private boolean payloadsRead = true;

    /** What a streaming read saw: its name, the timeline (its names; no events any more), the positions read and the source's completeness. */
    public record Streamed(String sourceName, Timeline timeline, int positions, Completeness completeness) {
    }

    /** Something that reads each burst the timeline holds (positions {@code discarded()+1 ..}). */
    public interface BurstReader {
        /** Creates the reader once the (still empty) timeline exists, read under {@code spec}. */
        Consumer<Timeline> start(Timeline timeline, ProjectionSpec spec);
    }

    private StreamingLoad(ProjectionSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public static StreamingLoad under(ProjectionSpec spec) {
        return new StreamingLoad(spec);
    }

    /** Which part of a station or stream to read (files are read whole); default everything. */
    public StreamingLoad window(LoadWindow window) {
        this.window = Objects.requireNonNull(window, "window");
        return this;
    }

    /** Used when the source text carries no password; may be null. Never printed. */
    public StreamingLoad password(String password) {
        this.password = password;
        return this;
    }

    public StreamingLoad progress(LoadProgress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /**
     * Says that no reader reads an event's payload ({@link Timeline#payloadAt} then refuses): a file's lines are
     * decoded where they were read instead of being copied, which took about a twentieth of a fold's time.
     */
    public StreamingLoad payloadsUnread() {
        this.payloadsRead = false;
        return this;
    }

    /** Positions held between folds (tests use tiny bursts to cross many boundaries). */
    public StreamingLoad burst(int burst) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst " + burst);
        }
        this.burst = burst;
        return this;
    }

    /**
     * Stops reading once {@code enough} answers true (asked between the source's batches, so after it says
     * so a batch or a burst more may still be read and handed on): for an answer that needs only a prefix.
     */
    public StreamingLoad until(java.util.function.BooleanSupplier enough) {
        this.enough = Objects.requireNonNull(enough, "enough");
        return this;
    }

    /** Opens {@code sourceText} (a path, URI or {@link Sources#BUNDLED_SAMPLE}), streams it to the readers, closes it. */
    public Streamed read(String sourceText, BurstReader... readers) throws SourceException {
        try (EventSource source = Sources.open(sourceText, password)) {
            return read(source, readers);
        }
    }

    /** Streams an already open source to the readers (the caller closes it). */
    public Streamed read(EventSource source, BurstReader... readers) throws SourceException {
        Timeline timeline = new Timeline(source.displayName(), source.defaultEntity(), source.coordinateKind(),
                spec.fieldMapping());
        List<Consumer<Timeline>> started = new ArrayList<>();
        for (BurstReader r : readers) {
            started.add(r.start(timeline, spec));
        }
        Runnable fold = () -> started.forEach(r -> r.accept(timeline));
        List<Consumer<Timeline>> catchUps = started.stream().filter(r -> r instanceof CatchUpReader).toList();
        Runnable catchUp = catchUps.isEmpty() ? null : () -> catchUps.forEach(r -> r.accept(timeline));
        TimelineWriter writer = new TimelineWriter(timeline, Long.MAX_VALUE).streaming(burst, fold, catchUp);
        if (!payloadsRead) {
            writer.keepNoLines();
        }
        source.load(writer, window, progress, enough);
        writer.awaitDecoded();
        fold.run();
        writer.streamingDone(); // readers keep what they need (names, the last event's time), not the events
        return new Streamed(source.displayName(), timeline, writer.appended(),
                source.completeness().withCaveat(writer.idCheckCaveat()));
    }
}
