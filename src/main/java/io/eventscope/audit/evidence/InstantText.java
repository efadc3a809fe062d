package io.eventscope.audit.evidence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} for epoch nanos, exactly, without the formatter's cost on the export's hot
 * path: the date part is kept per day, the rest written by hand. Years outside 0001..9999 take the slow way.
 */
final class InstantText {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private final StringBuilder out = new StringBuilder(32);
    private long day = Long.MIN_VALUE;
    private String datePart;

    String of(long epochNanos) {
        long d = Math.floorDiv(epochNanos, NANOS_PER_DAY);
        long nanoOfDay = Math.floorMod(epochNanos, NANOS_PER_DAY);
        if (d != day) {
            LocalDate date = LocalDate.ofEpochDay(d);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                        Math.floorMod(epochNanos, 1_000_000_000L)).toString();
            }
            day = d;
            datePart = date + "T";
        }
        out.setLength(0);
        out.append(datePart);
        long seconds = nanoOfDay / 1_000_000_000L;
        int nanos = (int) (nanoOfDay % 1_000_000_000L);
        two(seconds / 3600);
        out.append(':');
        two(seconds / 60 % 60);
        out.append(':');
        two(seconds % 60);
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(nanos / 1000, 6);
            } else {
                digits(nanos, 9);
            }
        }
        return out.append('Z').toString();
    }

    private void two(long v) {
        out.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private void digits(int v, int width) {
        int at = out.length();
        for (int i = 0; i < width; i++) {
            out.append('0');
        }
        for (int i = width - 1; i >= 0; i--) {
            out.setCharAt(at + i, (char) ('0' + v % 10));
            v /= 10;
        }
    }
}
