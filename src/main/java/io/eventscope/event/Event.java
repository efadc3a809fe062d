package io.eventscope.event;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One position of the timeline, materialised for display or export. The timeline itself stores events
 * column-wise; this record is built on demand.
 *
 * @param position     1-based place in the timeline
 * @param brokerTime   when the broker appended it, or null (files have none)
 * @param eventTime    the time named in the payload, or null
 * @param type         event type as written, or null when it has none
 * @param entity       entity id (the source's default entity when the payload names none)
 * @param numbers      numeric fields read exactly, by the projection's field names
 * @param texts        plain-value fields
 * @param headers      message headers (Memphis headers included), empty for files
 * @param flags        why it is not trusted; empty for good events
 */
public record Event(
        int position,
        SourceCoordinates coordinates,
        Instant brokerTime,
        Instant eventTime,
        String type,
        String entity,
        Map<String, BigDecimal> numbers,
        Map<String, String> texts,
        byte[] payload,
        Map<String, String> headers,
        List<Flag> flags) {

    /** The effective time used for "state at time": event time, else broker time. */
    public Instant effectiveTime() {
        return eventTime != null ? eventTime : brokerTime;
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
