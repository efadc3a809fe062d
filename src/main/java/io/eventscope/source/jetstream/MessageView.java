package io.eventscope.source.jetstream;

import io.eventscope.event.EventTimes;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.util.List;
import java.util.Map;

/** Reads the parts of a delivered JetStream message that the timeline stores, without extra copies. */
final class MessageView {
    private MessageView() {
    }

    static long sequence(Message m) {
        return m.metaData().streamSequence();
    }

    /** Broker append time in epoch nanos (the ordered consumer already parsed the metadata). */
    static long brokerTime(Message m) {
        NatsJetStreamMetaData meta = m.metaData();
        return meta.timestamp() == null ? EventTimes.NONE : EventTimes.toNanos(meta.timestamp().toInstant());
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
