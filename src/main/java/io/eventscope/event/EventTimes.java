package io.eventscope.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times are kept as nanoseconds since the epoch in a long; {@link #NONE} marks "no time". */
public final class EventTimes {
    public static final long NONE = Long.MIN_VALUE;

    private EventTimes() {
    }

    public static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    public static Instant toInstant(long nanos) {
        return nanos == NONE ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * Parses an ISO-8601 instant ("2024-03-01T09:41:12Z", offsets allowed) or a string of epoch millis.
     *
     * @throws DateTimeParseException when it is neither
     */
    public static long parse(String text) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() <= 15) {
            return Math.multiplyExact(Long.parseLong(t), 1_000_000L);
        }
        try {
            return toNanos(Instant.parse(t));
        } catch (DateTimeParseException notUtc) {
            return toNanos(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        }
    }

    /** Epoch milliseconds to nanos (JSON numbers in time fields are epoch millis). */
    public static long fromEpochMillis(long millis) {
        return Math.multiplyExact(millis, 1_000_000L);
    }
}
