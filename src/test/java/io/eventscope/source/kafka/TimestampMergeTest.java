package io.eventscope.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * The fetch thread's merge gives the timeline order (record timestamp, then partition, then offset) whatever
 * sizes the polls came in and however far one partition runs ahead: the expectation is a plain sort.
 */
class TimestampMergeTest {
    private record Placed(int partition, long offset, long timestamp) {
    }

    @Test
    void theOrderIsTimestampThenPartitionThenOffsetWhateverTheArrivalBatches() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(4);
            List<List<ConsumerRecord<byte[], byte[]>>> partitions = new ArrayList<>();
            List<Placed> expected = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
                long ts = 1_000;
                int size = random.nextInt(300);
                for (int o = 0; o < size; o++) {
                    ts += random.nextInt(3); // equal timestamps within and across partitions
                    records.add(record(p, o, ts));
                    expected.add(new Placed(p, o, ts));
                }
                partitions.add(records);
            }
            expected.sort(Comparator.comparingLong(Placed::timestamp).thenComparingInt(Placed::partition)
                    .thenComparingLong(Placed::offset));
            assertThat(merged(partitions, random)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void nothingIsEmittedWhileAnOpenPartitionHasNoRecordToCompare() {
        List<Placed> out = new ArrayList<>();
        TimestampMerge merge = new TimestampMerge(2, 16, b -> collect(b, out));
        merge.offer(0, List.of(record(0, 0, 50), record(0, 1, 60)));
        merge.drain();
        assertThat(out).isEmpty(); // partition 1 may still bring an earlier record
        merge.offer(1, List.of(record(1, 0, 55)));
        merge.drain();
        assertThat(out).containsExactly(new Placed(0, 0, 50), new Placed(1, 0, 55));
        merge.close(1);
        merge.drain();
        assertThat(out).hasSize(3).last().isEqualTo(new Placed(0, 1, 60));
        assertThat(merge.buffered(0)).isZero();
    }

    /** Offers each partition's records in random slices, interleaved, draining after each, then closes all. */
    private static List<Placed> merged(List<List<ConsumerRecord<byte[], byte[]>>> partitions, Random random) {
        List<Placed> out = new ArrayList<>();
        TimestampMerge merge = new TimestampMerge(partitions.size(), 1 + random.nextInt(64), b -> collect(b, out));
        int[] at = new int[partitions.size()];
        boolean left = true;
        while (left) {
            left = false;
            for (int p = 0; p < partitions.size(); p++) {
                List<ConsumerRecord<byte[], byte[]>> all = partitions.get(p);
                int to = Math.min(all.size(), at[p] + random.nextInt(40));
                merge.offer(p, all.subList(at[p], to));
                at[p] = to;
                if (to == all.size()) {
                    merge.close(p);
                } else {
                    left = true;
                }
                merge.drain();
            }
        }
        merge.drain();
        return out;
    }

    private static void collect(MergedBatch batch, List<Placed> out) {
        for (int k = 0; k < batch.size(); k++) {
            ConsumerRecord<byte[], byte[]> r = batch.record(k);
            assertThat(r.partition()).isEqualTo(batch.partition(k));
            out.add(new Placed(batch.partition(k), r.offset(), r.timestamp()));
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, long timestamp) {
        return new ConsumerRecord<>("t", partition, offset, timestamp, TimestampType.CREATE_TIME, 0, 0,
                ("k" + offset).getBytes(), new byte[0], new RecordHeaders(), Optional.empty());
    }
}
