package io.eventscope.source.kafka;

import io.eventscope.source.LoadWindow;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * The first offset of each partition a window asks for: the log start for everything, offset N for
 * {@code --from-position N}, the first record at or after the instant for {@code --since} (the broker's
 * time index), and N before the end for {@code --last N} (so the last N of the merged order are among them).
 */
final class TopicWindow {
    private TopicWindow() {
    }

    static long[] startOffsets(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> tps, LoadWindow window,
                               Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        Duration timeout = Duration.ofMillis(KafkaClients.REQUEST_MILLIS);
        Map<TopicPartition, OffsetAndTimestamp> byTime = null;
        if (window.since() != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            long ms = Math.max(0, window.since().toEpochMilli());
            tps.forEach(tp -> query.put(tp, ms));
            byTime = consumer.offsetsForTimes(query, timeout);
        }
        long[] start = new long[tps.size()];
        for (int i = 0; i < tps.size(); i++) {
            TopicPartition tp = tps.get(i);
            long b = begin.get(tp);
            long e = end.get(tp);
            if (byTime != null) {
                OffsetAndTimestamp at = byTime.get(tp);
                start[i] = at == null ? e : at.offset();
            } else if (window.last() > 0) {
                start[i] = Math.max(b, e - Math.min(e, window.last()));
            } else if (window.fromPosition() > 0) {
                // Offsets before the log start are gone; asking for them shows as a gap, not as an error.
                start[i] = Math.min(e, window.fromPosition());
            } else {
                start[i] = b;
            }
        }
        return start;
    }
}
