package io.eventscope.source.kafka;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Merges the partitions' records, as they arrive, into the timeline order (record timestamp, then partition,
 * then offset) and emits them in {@link MergedBatch}es. A record is emitted only once every partition that is
 * still open has a record to compare it with, so the order never depends on when records arrive. Used by the
 * fetch thread only; it takes whole runs from one partition at a time, which keeps the per-record cost low.
 */
final class TimestampMerge {
    private final int n;
    private final int batchSize;
    private final ArrayDeque<List<ConsumerRecord<byte[], byte[]>>>[] waiting;
    private final List<ConsumerRecord<byte[], byte[]>>[] current;
    private final int[] at;
    private final int[] buffered;
    private final boolean[] closed;
    private final Consumer<MergedBatch> out;
    private MergedBatch batch;

    @SuppressWarnings("unchecked")
    TimestampMerge(int partitions, int batchSize, Consumer<MergedBatch> out) {
        this.n = partitions;
        this.batchSize = batchSize;
        this.out = out;
        this.waiting = new ArrayDeque[n];
        this.current = new List[n];
        this.at = new int[n];
        this.buffered = new int[n];
        this.closed = new boolean[n];
        for (int i = 0; i < n; i++) {
            waiting[i] = new ArrayDeque<>();
        }
        this.batch = new MergedBatch(batchSize);
    }

    /** Records of partition index {@code i}, in offset order, following those offered before. */
    void offer(int i, List<ConsumerRecord<byte[], byte[]>> records) {
        if (!records.isEmpty()) {
            waiting[i].add(records);
            buffered[i] += records.size();
        }
    }

    /** Partition {@code i} will get no more records: the merge no longer waits for it. */
    void close(int i) {
        closed[i] = true;
    }

    /** Records of partition {@code i} offered but not yet emitted. */
    int buffered(int i) {
        return buffered[i];
    }

    /** Emits every record that can be placed now; a partial batch is handed on too. */
    void drain() {
        while (true) {
            int best = -1;
            long bestTs = 0;
            int second = -1;
            long secondTs = 0;
            for (int i = 0; i < n; i++) {
                if (!hasHead(i)) {
                    if (closed[i]) {
                        continue; // read to its end
                    }
                    flush();
                    return; // an open partition without a record: wait for it
                }
                long ts = current[i].get(at[i]).timestamp();
                // Index order is partition order, so a strict < keeps the lower partition on equal timestamps.
                if (best < 0 || ts < bestTs) {
                    second = best;
                    secondTs = bestTs;
                    best = i;
                    bestTs = ts;
                } else if (second < 0 || ts < secondTs) {
                    second = i;
                    secondTs = ts;
                }
            }
            if (best < 0) {
                flush();
                return;
            }
            takeRun(best, second, secondTs);
        }
    }

    /** Takes records of {@code p} while they come before the head of {@code second} (or all, if none). */
    private void takeRun(int p, int second, long secondTs) {
        List<ConsumerRecord<byte[], byte[]>> list = current[p];
        int size = list.size();
        int k = at[p];
        do {
            ConsumerRecord<byte[], byte[]> r = list.get(k);
            if (second >= 0 && (r.timestamp() > secondTs || (r.timestamp() == secondTs && second < p))) {
                break;
            }
            if (batch.add(r, p) == batchSize) {
                out.accept(batch);
                batch = new MergedBatch(batchSize);
            }
            k++;
        } while (k < size);
        buffered[p] -= k - at[p];
        at[p] = k;
    }

    private boolean hasHead(int i) {
        if (current[i] != null && at[i] < current[i].size()) {
            return true;
        }
        current[i] = waiting[i].poll();
        at[i] = 0;
        return current[i] != null;
    }

    private void flush() {
        if (batch.size() > 0) {
            out.accept(batch);
            batch = new MergedBatch(batchSize);
        }
    }
}
