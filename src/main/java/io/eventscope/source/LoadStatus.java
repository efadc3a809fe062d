package io.eventscope.source;

/**
 * Progress of a load: events so far, the expected total (or -1 when unknown), the fraction done
 * (or -1) and the current rate.
 */
public record LoadStatus(long loaded, long total, double fraction, double eventsPerSecond) {
}
