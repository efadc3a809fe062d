package io.eventscope.source.kafka;

import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.SourceException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every assigned partition up to its end offset at load time and appends the records in one
 * deterministic order: record timestamp, then partition, then offset. One consumer fetches all
 * partitions; a partition that runs far ahead of the others is paused, so at most a few fetches are
 * held in memory whatever the skew. The end of a partition is its end offset, never a quiet moment.
 */
final class PartitionMerge {
    private static final int PAUSE_ABOVE = 20_000;
    private static final int RESUME_BELOW = 5_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> tps;
    private final PartitionTrack[] tracks;
    private final RecordAppender appender;
    private final long stallMillis;
    private final KafkaEndpoint endpoint;

    PartitionMerge(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> tps, PartitionTrack[] tracks,
                   RecordAppender appender, long stallMillis, KafkaEndpoint endpoint) {
        this.consumer = consumer;
        this.tps = tps;
        this.tracks = tracks;
        this.appender = appender;
        this.stallMillis = stallMillis;
        this.endpoint = endpoint;
    }

    /**
     * @param lastN keep only the last N records of the merged order (0: all); each partition was sought
     *              to at most N before its end, so the last N overall are among what is read
     * @param sinceMillis skip records stamped earlier (a later offset may carry an earlier CreateTime)
     */
    void run(long lastN, long sinceMillis, LoadProgress progress, BooleanSupplier cancelled) throws SourceException {
        int n = tps.size();
        @SuppressWarnings("unchecked")
        ArrayDeque<ConsumerRecord<byte[], byte[]>>[] queues = new ArrayDeque[n];
        boolean[] done = new boolean[n];
        boolean[] paused = new boolean[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            queues[i] = new ArrayDeque<>();
            total += Math.max(0, tracks[i].end - tracks[i].requestedFrom);
        }
        long expected = lastN > 0 ? Math.min(lastN, total) : total;
        appender.writer().expect(appender.writer().appended() + expected);
        LastRecords last = lastN > 0 ? new LastRecords((int) Math.min(lastN, Integer.MAX_VALUE - 8)) : null;
        long started = System.nanoTime();
        long lastData = started;
        long lastReport = started;
        long taken = 0;
        while (true) {
            boolean needPoll = false;
            for (int i = 0; i < n; i++) {
                if (!done[i] && queues[i].isEmpty()) {
                    if (consumer.position(tps.get(i)) >= tracks[i].end) {
                        done[i] = true;
                        pause(i, paused);
                    } else {
                        needPoll = true;
                    }
                }
            }
            if (needPoll) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                if (!batch.isEmpty()) {
                    lastData = now;
                    distribute(batch, queues, done, paused);
                } else if ((now - lastData) / 1_000_000 > stallMillis) {
                    throw new SourceException("The broker at " + endpoint.bootstrap() + " sent nothing for "
                            + stallMillis / 1000 + " s (" + taken + " events read); check the broker and load again.");
                }
                if (now - lastReport > 200_000_000L) {
                    lastReport = now;
                    report(progress, taken, expected, started, now);
                }
                continue;
            }
            int pick = -1;
            for (int i = 0; i < n; i++) {
                ConsumerRecord<byte[], byte[]> head = queues[i].peek();
                if (head != null && (pick < 0 || before(head, i, queues[pick].peek(), pick))) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break; // every partition read to its end
            }
            ConsumerRecord<byte[], byte[]> r = queues[pick].poll();
            tracks[pick].seen(r.offset());
            if (r.timestamp() >= sinceMillis) {
                if (last != null) {
                    last.add(r, pick);
                } else {
                    appender.append(r, pick);
                }
                taken++;
            }
            if (paused[pick] && !done[pick] && queues[pick].size() < RESUME_BELOW) {
                consumer.resume(List.of(tps.get(pick)));
                paused[pick] = false;
            }
            if ((taken & 1023) == 0) {
                long now = System.nanoTime();
                if (now - lastReport > 200_000_000L) {
                    lastReport = now;
                    report(progress, taken, expected, started, now);
                    if (cancelled.getAsBoolean()) {
                        break;
                    }
                }
            }
        }
        if (last != null) {
            last.appendTo(appender);
        }
        report(progress, lastN > 0 ? Math.min(taken, lastN) : taken, expected, started, System.nanoTime());
    }

    /** The timeline order: record timestamp, then partition (index order is partition order), then offset. */
    static boolean before(ConsumerRecord<?, ?> a, int pa, ConsumerRecord<?, ?> b, int pb) {
        if (a.timestamp() != b.timestamp()) {
            return a.timestamp() < b.timestamp();
        }
        return pa != pb ? pa < pb : a.offset() < b.offset();
    }

    private void distribute(ConsumerRecords<byte[], byte[]> batch, ArrayDeque<ConsumerRecord<byte[], byte[]>>[] queues,
                            boolean[] done, boolean[] paused) {
        for (int i = 0; i < tps.size(); i++) {
            for (ConsumerRecord<byte[], byte[]> r : batch.records(tps.get(i))) {
                if (r.offset() < tracks[i].end) {
                    queues[i].add(r);
                } else {
                    done[i] = true; // arrived after the load began: the live tail reads it
                }
            }
            if (!paused[i] && (done[i] || queues[i].size() > PAUSE_ABOVE)) {
                pause(i, paused);
            }
        }
    }

    private void pause(int i, boolean[] paused) {
        if (!paused[i]) {
            consumer.pause(List.of(tps.get(i)));
            paused[i] = true;
        }
    }

    private static void report(LoadProgress progress, long loaded, long total, long started, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double fraction = total > 0 ? Math.min(1.0, (double) loaded / total) : 1.0;
        progress.update(new LoadStatus(loaded, total, fraction, loaded / seconds));
    }
}
