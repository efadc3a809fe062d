package io.eventscope.source.jetstream;

import io.eventscope.event.Flag;
import io.eventscope.event.TimelineWriter;
import io.nats.client.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns delivered messages into timeline positions, flagging dead-letter resends and repeated ids. */
final class TimelineAppender {
    private final TimelineWriter writer;
    private final List<StreamRef> streams;
    private final MessageChecks checks;
    // Reused for every message: the writer encodes headers at once and keeps no reference to the map.
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    TimelineAppender(TimelineWriter writer, List<StreamRef> streams, MessageChecks checks) {
        this.writer = writer;
        this.streams = streams;
        this.checks = checks;
    }

    void append(Message m, int streamIndex) {
        append(m, streamIndex, MessageView.sequence(m), MessageView.brokerTime(m));
    }

    /** Appends with sequence and broker time already read (the merge has them at hand). */
    void append(Message m, int streamIndex, long sequence, long brokerTime) {
        byte[] data = MessageView.data(m);
        int position = writer.timeline().size() + 1;
        String id = MessageView.header(m, MessageChecks.MESSAGE_ID);
        if (id == null) {
            id = MessageView.header(m, MessageChecks.NATS_MESSAGE_ID);
        }
        List<Flag> flags = m.hasHeaders()
                ? checks.check(MessageView.header(m, MessageChecks.PRODUCED_BY), id, position)
                : List.of();
        writer.append(data, 0, data.length, streams.get(streamIndex).partitionLabel(), sequence, brokerTime,
                MessageView.headers(m, headers), flags);
    }

    int size() {
        return writer.timeline().size();
    }
}
