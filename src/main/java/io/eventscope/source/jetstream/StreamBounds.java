package io.eventscope.source.jetstream;

import io.eventscope.event.EventTimes;
import io.nats.client.api.StreamState;
import java.time.ZonedDateTime;

/** A stream's extent when the load started: what "the end" means for this load. */
record StreamBounds(long messages, long firstSequence, long lastSequence, long lastTimeNanos) {

    static StreamBounds of(StreamState state) {
        ZonedDateTime last = state.getLastTime();
        // An empty stream reports Go's zero time (year 1) as its last time: treat it as "no time".
        long lastNanos = last == null || state.getMsgCount() == 0 || last.getYear() < 1970
                ? EventTimes.NONE : EventTimes.toNanos(last.toInstant());
        return new StreamBounds(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence(), lastNanos);
    }

    boolean empty() {
        return messages == 0;
    }
}
