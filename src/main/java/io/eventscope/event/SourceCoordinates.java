package io.eventscope.event;

/**
 * Where an event lives in its source: a file line, a stream and sequence, or a partition and offset.
 * {@code partition} is null for single-stream sources.
 */
public record SourceCoordinates(CoordinateKind kind, String partition, long number) {
    @Override
    public String toString() {
        String n = kind.label() + " " + number;
        return partition == null ? n : partition + " " + n;
    }
}
