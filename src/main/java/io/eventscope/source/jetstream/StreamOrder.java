package io.eventscope.source.jetstream;

import io.nats.client.Message;

/**
 * Timeline order across partitions: broker time, then partition index, then sequence. Deterministic:
 * the same station always loads into the same positions.
 */
final class StreamOrder {
    private StreamOrder() {
    }

    /** Negative when (timeA, partitionA, seqA) comes first. */
    static int compare(long timeA, int partitionA, long seqA, long timeB, int partitionB, long seqB) {
        int c = Long.compare(timeA, timeB);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(partitionA, partitionB);
        return c != 0 ? c : Long.compare(seqA, seqB);
    }

    static int compare(Message a, int partitionA, Message b, int partitionB) {
        return compare(MessageView.brokerTime(a), partitionA, MessageView.sequence(a),
                MessageView.brokerTime(b), partitionB, MessageView.sequence(b));
    }
}
