package io.eventscope.source.jetstream;

import io.eventscope.event.EventTimes;
import io.nats.client.Message;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.time.ZonedDateTime;

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

    static byte[] data(Message m) {
        byte[] d = m.getData();
        return d == null ? new byte[0] : d;
    }
}
