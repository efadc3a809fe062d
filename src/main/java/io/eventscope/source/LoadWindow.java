package io.eventscope.source;

import java.time.Instant;

/**
 * Which part of a source to load: everything, from a source position on, since an instant, or the
 * last N events. At most one of the three is set.
 */
public record LoadWindow(long fromPosition, Instant since, long last) {
    public static final LoadWindow ALL = new LoadWindow(0, null, 0);

    public boolean isAll() {
        return fromPosition <= 1 && since == null && last <= 0;
    }
}
