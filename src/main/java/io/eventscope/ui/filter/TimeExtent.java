package io.eventscope.ui.filter;

import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import io.eventscope.ui.session.SessionViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The earliest and latest effective time of the loaded events, in epoch milliseconds (what the time-range
 * slider moves over). Grows with the timeline: each size change reads only the events that are new.
 */
public final class TimeExtent {
    private final DoubleProperty min = new SimpleDoubleProperty();
    private final DoubleProperty max = new SimpleDoubleProperty();
    private final BooleanProperty empty = new SimpleBooleanProperty(true);
    private Timeline timeline;
    private int scanned;
    private long lo = Long.MAX_VALUE;
    private long hi = Long.MIN_VALUE;

    public TimeExtent(SessionViewModel session) {
        session.sessionProperty().addListener((o, a, s) -> {
            timeline = s == null ? null : s.timeline();
            scanned = 0;
            lo = Long.MAX_VALUE;
            hi = Long.MIN_VALUE;
            grow(session.size());
        });
        session.sizeProperty().addListener((o, a, n) -> grow(n.intValue()));
    }

    private void grow(int size) {
        if (timeline == null) {
            publish();
            return;
        }
        int end = Math.min(size, timeline.size());
        for (int i = scanned; i < end; i++) {
            long t = timeline.effectiveTimeAt(i);
            if (t != EventTimes.NONE) {
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
        }
        scanned = Math.max(scanned, end);
        publish();
    }

    private void publish() {
        boolean none = lo > hi;
        empty.set(none);
        // Max before min, so the slider bound to them never sees min above max.
        max.set(none ? 1 : Math.floorDiv(hi, 1_000_000L) + 1);
        min.set(none ? 0 : Math.floorDiv(lo, 1_000_000L));
    }

    /** Epoch millisecond of the earliest event time (0 when no event has a time). */
    public DoubleProperty minProperty() {
        return min;
    }

    /** Epoch millisecond just after the latest event time. */
    public DoubleProperty maxProperty() {
        return max;
    }

    /** True while no loaded event has a time. */
    public BooleanProperty emptyProperty() {
        return empty;
    }
}
