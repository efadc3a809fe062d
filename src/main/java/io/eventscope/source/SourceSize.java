package io.eventscope.source;

/**
 * How large a whole load of a source would be, told before reading it: its positions (exact for a
 * stream, estimated from a file's first lines) and the bytes of its events (a file's size, a stream's
 * stored bytes).
 */
public record SourceSize(long positions, long bytes, boolean estimated) {
}
