package io.eventscope.ui.format;

import io.eventscope.event.EventTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How the window writes times: UTC by default (DESIGN §8), or the local zone when the user asks. One
 * instance per window, read by every view that shows a time; FX thread only.
 */
public final class TimeDisplay {
    private final ZoneId localZone;
    private final BooleanProperty local = new SimpleBooleanProperty();
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneOffset.UTC);
    private DateTimeFormatter full;
    private DateTimeFormatter minute;
    private ZoneId formattersZone;

    public TimeDisplay(ZoneId localZone) {
        this.localZone = localZone;
        local.addListener((o, a, on) -> zone.set(on ? localZone : ZoneOffset.UTC));
    }

    /** Formatters for the current zone, rebuilt lazily: bindings may ask before any listener has run. */
    private void formatters() {
        ZoneId z = zone.get();
        if (z.equals(formattersZone)) {
            return;
        }
        formattersZone = z;
        full = fullFormatter(z);
        minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm" + suffix(z)).withZone(z);
    }

    /** Millisecond times in {@code zone}, "Z" for UTC else the offset; immutable, usable on any thread. */
    public static DateTimeFormatter fullFormatter(ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS" + suffix(zone)).withZone(zone);
    }

    private static String suffix(ZoneId z) {
        return z.normalized().equals(ZoneOffset.UTC) ? "'Z'" : "xxx";
    }

    /** True to show times in the local zone ({@link #localZone()}), false for UTC. */
    public BooleanProperty localProperty() {
        return local;
    }

    /** The zone times are shown in; views redraw when it changes. */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ZoneId localZone() {
        return localZone;
    }

    public String format(Instant instant) {
        formatters();
        return instant == null ? "" : full.format(instant);
    }

    public String formatNanos(long nanos) {
        formatters();
        return nanos == EventTimes.NONE ? "" : full.format(EventTimes.toInstant(nanos));
    }

    /** To the minute, where space is short. */
    public String minute(long nanos) {
        formatters();
        return nanos == EventTimes.NONE ? "" : minute.format(EventTimes.toInstant(nanos));
    }
}
