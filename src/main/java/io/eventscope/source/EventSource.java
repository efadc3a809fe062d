package io.eventscope.source;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.TimelineWriter;
import java.util.function.BooleanSupplier;

/**
 * Somewhere events live (a file, a station, a stream, a topic). Sources only ever read: loading never
 * writes to, acknowledges on, or leaves state behind on the broker.
 */
public interface EventSource extends AutoCloseable {
    /** What the user opened, safe to show (no password), e.g. {@code memphis://host:6666/bank.ledger}. */
    String displayName();

    /** The entity that events naming no entity belong to: the station, stream, topic or file base name. */
    String defaultEntity();

    CoordinateKind coordinateKind();

    /**
     * Appends the window's events to {@code writer}, in timeline order, until the end of what exists now
     * or until {@code cancelled} answers true (what was appended stays usable).
     */
    void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled)
            throws SourceException;

    /**
     * How many positions a whole load would give now, counted without decoding (a held window's "last
     * N" needs it), or -1 when this source cannot tell.
     */
    default long positionCount() throws SourceException {
        return -1;
    }

    /**
     * How large a whole load would be, told cheaply before reading (a file's size, a stream's info), or
     * null when this source cannot tell: the viewer offers a window before loading what clearly cannot fit.
     */
    default SourceSize sizeUpFront() throws SourceException {
        return null;
    }

    /**
     * After {@link #load}: which sequences the load got and which are missing (gaps), dead-letter
     * resends and repeated message ids. {@link Completeness#NONE} for sources without sequences.
     */
    default Completeness completeness() {
        return Completeness.NONE;
    }

    /** Whether {@link #follow} is supported (stations and streams; not files). */
    default boolean supportsFollow() {
        return false;
    }

    /**
     * After {@link #load}, keeps appending events that arrive later to {@code writer} (the same writer,
     * from a background thread the source owns) until the returned tail is closed. Problems after the
     * start (broker gone for good) are reported to {@code onError} as one-sentence messages.
     */
    default LiveTail follow(TimelineWriter writer, java.util.function.Consumer<SourceException> onError)
            throws SourceException {
        throw new SourceException(displayName() + " cannot be followed live; only stations and streams can.");
    }

    @Override
    default void close() {
    }
}
