package io.eventscope.event;

/**
 * A fast path for the one instant format nearly every event log uses, {@code 2024-03-01T09:41:12.345Z}
 * (fraction optional, up to nanoseconds), parsed straight from the parser's characters. Anything else
 * returns {@link #UNSUPPORTED} and goes to the full {@link java.time} parser.
 */
final class IsoInstant {
    static final long UNSUPPORTED = Long.MIN_VALUE + 1;
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private IsoInstant() {
    }

    static long parseNanos(char[] c, int off, int len) {
        if (len < 20 || len > 30 || c[off + len - 1] != 'Z' || c[off + 4] != '-' || c[off + 7] != '-'
                || c[off + 10] != 'T' || c[off + 13] != ':' || c[off + 16] != ':') {
            return UNSUPPORTED;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]
                || (month == 2 && day == 29 && !leap(year)) || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return UNSUPPORTED;
        }
        long nanos = 0;
        int end = off + len - 1;
        int p = off + 19;
        if (p < end) {
            if (c[p] != '.' || end - p - 1 < 1 || end - p - 1 > 9) {
                return UNSUPPORTED;
            }
            int fractionDigits = end - p - 1;
            int f = digits(c, p + 1, fractionDigits);
            if (f < 0) {
                return UNSUPPORTED;
            }
            nanos = f;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days = daysFromCivil(year, month, day);
        long seconds = days * 86_400L + hour * 3_600L + minute * 60L + second;
        if (Math.abs(seconds) > 9_223_372_035L) {
            return UNSUPPORTED; // outside what epoch nanos in a long can hold (years 1678..2262)
        }
        return seconds * 1_000_000_000L + nanos;
    }

    private static boolean leap(int y) {
        return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-from-days inverse). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    private static int digits(char[] c, int off, int count) {
        int v = 0;
        for (int i = off; i < off + count; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
