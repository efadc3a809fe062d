package io.eventscope.source;

import java.time.Instant;

/**
 * Which part of a source to load: everything, from a source position on, since an instant, or the
 * last N events. At most one of the three is set. A held window ({@link #foldEarlier}) reads the whole
 * source but holds only the window: the loader folds everything before it into the window's starting
 * state, so balances inside it are those of the whole history.
 */
public record LoadWindow(long fromPosition, Instant since, long last, boolean foldEarlier) {
    public static final LoadWindow ALL = new LoadWindow(0, null, 0);

    public LoadWindow(long fromPosition, Instant since, long last) {
        this(fromPosition, since, last, false);
    }

    /** Holds the last {@code n} positions of the whole source; the ones before are folded, not held. */
    public static LoadWindow heldLast(long n) {
        return new LoadWindow(0, null, n, true);
    }

    /** Holds positions from {@code position} (of the whole source) on; the ones before are folded, not held. */
    public static LoadWindow heldFrom(long position) {
        return new LoadWindow(position, null, 0, true);
    }

    /** Holds the positions from the first one at or after {@code since} on; the ones before are folded, not held. */
    public static LoadWindow heldSince(Instant since) {
        return new LoadWindow(0, since, 0, true);
    }

    /** The same part held: the history before it is folded in (what the viewer makes of a window it is given). */
    public LoadWindow held() {
        return isAll() ? this : new LoadWindow(fromPosition, since, last, true);
    }

    public boolean isAll() {
        return fromPosition <= 1 && since == null && last <= 0;
    }
}
