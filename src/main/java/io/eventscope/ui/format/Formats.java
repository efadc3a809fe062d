package io.eventscope.ui.format;

import io.eventscope.event.DecimalText;
import java.math.BigDecimal;

/** How the viewer writes numbers: exact decimals and counts with grouping, rates. (Times: {@link TimeDisplay}.) */
public final class Formats {
    private Formats() {
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
