package io.eventscope.source.jetstream;

/**
 * One JetStream stream to read.
 *
 * @param stream         the stream name
 * @param filterSubject  only messages on this subject (Memphis: {@code <stream>.final}), or null for all
 * @param partitionLabel the coordinate label shown for its events, or null when it is the only stream
 */
public record StreamRef(String stream, String filterSubject, String partitionLabel) {
}
