package io.eventscope.source.jetstream;

import io.eventscope.event.EventTimes;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a delivered JetStream message that the timeline stores, without extra copies.
 *
 * <p>Sequence, pending count and broker time come from {@link Message#metaData()}: every message an
 * ordered consumer hands out has already been parsed by jnats (its ordered-consumer manager reads the
 * consumer sequence of each one) and the message caches the result, so these reads cost nothing more.
 */
final class MessageView {
    private MessageView() {
    }

    static long sequence(Message m) {
        return m.metaData().streamSequence();
    }

    static long pending(Message m) {
        return m.metaData().pendingCount();
    }

    /** Broker append time in epoch nanos. */
    static long brokerTime(Message m) {
        NatsJetStreamMetaData meta = m.metaData();
        ZonedDateTime t = meta.timestamp();
        // Straight from the date-time's fields: no Instant per message.
        return t == null ? EventTimes.NONE
                : Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** The message's headers in {@code into} (cleared first), or an empty map when it has none. */
    static Map<String, List<String>> headers(Message m, Map<String, List<String>> into) {
        Headers h = m.getHeaders();
        if (h == null || h.isEmpty()) {
            return Map.of();
        }
        into.clear();
        h.forEach(into::put);
        return into;
    }

    static String header(Message m, String name) {
        Headers h = m.getHeaders();
        return h == null ? null : h.getFirst(name);
    }

    static byte[] data(Message m) {
        byte[] d = m.getData();
        return d == null ? new byte[0] : d;
    }
}
