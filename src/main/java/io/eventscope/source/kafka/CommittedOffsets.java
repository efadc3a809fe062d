package io.eventscope.source.kafka;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * For {@code aborted=show}: which offsets a read-committed consumer delivers, so that a read-uncommitted
 * load can flag every other record as not committed. Kafka tells a read-uncommitted consumer nothing
 * about a record's transaction, so this costs a first pass over the window (one bit per offset).
 */
final class CommittedOffsets {
    private final long[] from;
    private final BitSet[] bits;

    private CommittedOffsets(long[] from, BitSet[] bits) {
        this.from = from;
        this.bits = bits;
    }

    boolean contains(int partition, long offset) {
        long at = offset - from[partition];
        return at >= 0 && at < Integer.MAX_VALUE && bits[partition].get((int) at);
    }

    /** Reads partitions {@code tps} from {@code from[i]} up to their last stable offset, keeping offsets only. */
    static CommittedOffsets read(KafkaConsumer<byte[], byte[]> committedReader, List<TopicPartition> tps,
                                 long[] from, BooleanSupplier cancelled, long stallMillis, KafkaEndpoint endpoint)
            throws io.eventscope.source.SourceException {
        BitSet[] bits = new BitSet[tps.size()];
        committedReader.assign(tps);
        var stable = committedReader.endOffsets(tps);
        boolean[] done = new boolean[tps.size()];
        int open = 0;
        for (int i = 0; i < tps.size(); i++) {
            bits[i] = new BitSet();
            committedReader.seek(tps.get(i), from[i]);
            done[i] = from[i] >= stable.get(tps.get(i));
            open += done[i] ? 0 : 1;
        }
        long lastData = System.nanoTime();
        while (open > 0 && !cancelled.getAsBoolean()) {
            ConsumerRecords<byte[], byte[]> batch = committedReader.poll(Duration.ofMillis(200));
            if (!batch.isEmpty()) {
                lastData = System.nanoTime();
            } else if ((System.nanoTime() - lastData) / 1_000_000 > stallMillis) {
                throw new io.eventscope.source.SourceException("The broker at " + endpoint.bootstrap()
                        + " sent nothing for " + stallMillis / 1000 + " s; check the broker and load again.");
            }
            for (int i = 0; i < tps.size(); i++) {
                for (ConsumerRecord<byte[], byte[]> r : batch.records(tps.get(i))) {
                    bits[i].set((int) Math.min(Integer.MAX_VALUE - 1, r.offset() - from[i]));
                }
                if (!done[i] && committedReader.position(tps.get(i)) >= stable.get(tps.get(i))) {
                    done[i] = true;
                    open--;
                }
            }
        }
        return new CommittedOffsets(from.clone(), bits);
    }
}
