package io.eventscope.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The {@code FROM..TO} of a {@code time:} term; either end may be open (null). TO is inclusive. */
record TimeRange(Instant from, Instant to) {
    private static final String HOW = "write time:FROM..TO with ISO times like 2024-03-01T10:00 (in the shown "
            + "time zone) or 2024-03-01T10:00Z, or a date alone; either end may be left out.";

    static TimeRange parse(String text, ZoneId zone) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            throw new SearchSyntaxException("\"time:" + SearchTokens.shorten(text) + "\" has no \"..\"; " + HOW);
        }
        Instant from = end(text.substring(0, dots), zone, false);
        Instant to = end(text.substring(dots + 2), zone, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw new SearchSyntaxException("\"time:" + SearchTokens.shorten(text) + "\" ends before it starts; "
                    + "put the earlier time first.");
        }
        return new TimeRange(from, to);
    }

    /** One end: an instant with Z or an offset, a local date-time in {@code zone}, or a date (its first or last instant). */
    private static Instant end(String text, ZoneId zone, boolean upper) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return upper ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : day.atStartOfDay(zone).toInstant();
            }
            if (t.endsWith("Z") || t.endsWith("z") || t.matches(".*T.*[+-]\\d\\d(:?\\d\\d)?$")) {
                return OffsetDateTime.parse(t.endsWith("z") ? t.substring(0, t.length() - 1) + "Z" : t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new SearchSyntaxException("\"" + SearchTokens.shorten(t) + "\" is not a time; " + HOW);
        }
    }
}
