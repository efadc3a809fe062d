package io.eventscope.source;

/**
 * A running live tail started by {@link EventSource#follow}: events appended to the source after the
 * load keep arriving in the timeline, in order, until it is closed.
 */
public interface LiveTail extends AutoCloseable {
    /** Stops following; events already appended stay. Never throws. */
    @Override
    void close();
}
