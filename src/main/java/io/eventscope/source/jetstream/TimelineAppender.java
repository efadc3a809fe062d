package io.eventscope.source.jetstream;

import io.eventscope.event.Flag;
import io.eventscope.event.HeaderBlock;
import io.eventscope.event.TimelineWriter;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.util.List;
import java.util.Map;

/** Turns delivered messages into timeline positions, flagging dead-letter resends and repeated ids. */
final class TimelineAppender {
    private final TimelineWriter writer;
    private final List<StreamRef> streams;
    private final MessageChecks checks;
    // Reused for every message: the writer copies the packed headers at once.
    private final HeaderBlock headers = new HeaderBlock();

    TimelineAppender(TimelineWriter writer, List<StreamRef> streams, MessageChecks checks) {
        this.writer = writer;
        this.streams = streams;
        this.checks = checks;
    }

    /** A hint that about {@code messages} messages are coming. */
    void expect(long messages) {
        checks.expect(messages);
        writer.expect(writer.appended() + messages); // columns sized once, not grown step by step
    }

    /**
     * Stores the message now and decodes it later, with the messages around it (on two threads when there
     * are many, as file lines are); it is visible after {@link #flush} or once the writer has a batch.
     * Sequence and broker time are already read (the merge has them at hand).
     */
    void buffer(Message m, int streamIndex, long sequence, long brokerTime) {
        add(m, streamIndex, sequence, brokerTime, true);
    }

    /** Starts decoding what {@link #buffer} staged (the merge is about to wait, or to report progress). */
    void flush() {
        writer.decodeStaged();
    }

    /** Appends a message visible at once (a live tail, the last N). */
    void append(Message m, int streamIndex) {
        append(m, streamIndex, MessageView.sequence(m), MessageView.brokerTime(m));
    }

    /** As above, with sequence and broker time already read. */
    void append(Message m, int streamIndex, long sequence, long brokerTime) {
        add(m, streamIndex, sequence, brokerTime, false);
    }

    private void add(Message m, int streamIndex, long sequence, long brokerTime, boolean staged) {
        byte[] data = MessageView.data(m);
        headers.clear();
        Headers h = m.getHeaders();
        // Staged messages count in appended(): the position is the one this message gets.
        List<Flag> flags = h == null || h.isEmpty() ? List.of() : packAndCheck(h, writer.appended() + 1);
        String label = streams.get(streamIndex).partitionLabel();
        if (staged) {
            writer.stage(data, 0, data.length, label, sequence, brokerTime, headers, flags);
        } else {
            writer.append(data, 0, data.length, label, sequence, brokerTime, headers, flags);
        }
    }

    /**
     * Packs the headers (in the client's order) and picks out the ones the checks need in the same pass,
     * rather than copying them into a map and looking each one up. The id is checked as the packed UTF-8
     * bytes, so it is not read twice.
     */
    private List<Flag> packAndCheck(Headers h, int position) {
        String producedBy = null;
        String id = null;
        int idFrom = 0;
        int idTo = 0;
        String natsId = null;
        int natsIdFrom = 0;
        int natsIdTo = 0;
        for (Map.Entry<String, List<String>> e : h.entrySet()) {
            String name = e.getKey();
            List<String> values = e.getValue();
            for (int k = 0; k < values.size(); k++) {
                String value = values.get(k);
                int from = headers.add(name, value);
                if (k > 0) {
                    continue; // the checks read the first value, as Headers.getFirst does
                }
                if (name.equals(MessageChecks.MESSAGE_ID)) {
                    id = value;
                    idFrom = from;
                    idTo = headers.length() - 1;
                } else if (name.equals(MessageChecks.NATS_MESSAGE_ID)) {
                    natsId = value;
                    natsIdFrom = from;
                    natsIdTo = headers.length() - 1;
                } else if (name.equals(MessageChecks.PRODUCED_BY)) {
                    producedBy = value;
                }
            }
        }
        if (id == null) {
            id = natsId;
            idFrom = natsIdFrom;
            idTo = natsIdTo;
        }
        return checks.check(producedBy, id, headers.bytes(), idFrom, idTo, position);
    }

    int size() {
        return writer.appended();
    }
}
