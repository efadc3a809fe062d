package io.eventscope.ui;

import io.eventscope.event.DecimalText;
import io.eventscope.event.EventTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the viewer writes times and numbers: UTC with milliseconds, exact decimals with grouping. */
public final class Formats {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    /** To the minute, for axis edges where space is short. */
    public static String minute(long nanos) {
        return nanos == EventTimes.NONE ? "" : MINUTE.format(EventTimes.toInstant(nanos));
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String timeNanos(long nanos) {
        return nanos == EventTimes.NONE ? "" : TIME.format(EventTimes.toInstant(nanos));
    }

    public static String count(long n) {
        return DecimalText.grouped(n);
    }

    public static String money(BigDecimal value) {
        return value == null ? "" : DecimalText.grouped(value);
    }

    /** "80.2k/s" style rate. */
    public static String rate(double perSecond) {
        if (perSecond >= 1_000_000) {
            return String.format("%.1fM/s", perSecond / 1_000_000);
        }
        if (perSecond >= 1_000) {
            return String.format("%.0fk/s", perSecond / 1_000);
        }
        return String.format("%.0f/s", perSecond);
    }
}
