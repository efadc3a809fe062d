package io.eventscope.source.jetstream;

import io.eventscope.event.EventTimes;
import io.nats.client.api.StreamState;
import java.time.ZonedDateTime;

/** A stream's extent when the load started: what "the end" means for this load. */
record StreamBounds(long messages, long firstSequence, long lastSequence, long lastTimeNanos) {

    static StreamBounds of(StreamState state) {
        ZonedDateTime last = state.getLastTime();
        return new StreamBounds(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence(),
                last == null ? EventTimes.NONE : EventTimes.toNanos(last.toInstant()));
    }

    boolean empty() {
        return messages == 0;
    }
}
