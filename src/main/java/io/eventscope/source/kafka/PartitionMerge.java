package io.eventscope.source.kafka;

import io.eventscope.source.DaemonThread;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.SourceException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every assigned partition up to its end offset at load time and appends the records in one
 * deterministic order: record timestamp, then partition, then offset. A {@link PartitionFetcher} polls and
 * merges on a second thread while this one decodes and appends; the end of a partition is its end offset,
 * never a quiet moment.
 */
final class PartitionMerge {
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
     * @param lastN       keep only the last N records of the merged order (0: all); each partition was sought
     *                    to at most N before its end, so the last N overall are among what is read
     * @param sinceMillis skip records stamped earlier (a later offset may carry an earlier CreateTime)
     */
    void run(long lastN, long sinceMillis, LoadProgress progress, BooleanSupplier cancelled) throws SourceException {
        int n = tps.size();
        long total = 0;
        long[] end = new long[n];
        for (int i = 0; i < n; i++) {
            end[i] = tracks[i].end;
            total += Math.max(0, tracks[i].end - tracks[i].requestedFrom);
        }
        long expected = lastN > 0 ? Math.min(lastN, total) : total;
        appender.writer().expect(appender.writer().appended() + expected);
        PartitionFetcher fetcher = new PartitionFetcher(consumer, tps, end, stallMillis, endpoint);
        ExecutorService thread = DaemonThread.named("eventscope-fetch-" + endpoint.topic());
        thread.execute(fetcher);
        try {
            merge(fetcher, lastN, sinceMillis, expected, progress, cancelled);
        } finally {
            fetcher.stop();
            thread.shutdown();
            awaitQuietly(thread); // the consumer is this thread's again only once the fetcher has stopped
            appender.writer().awaitDecoded(); // whatever ended the load, every record read so far becomes visible
        }
    }

    private void merge(PartitionFetcher fetcher, long lastN, long sinceMillis, long expected, LoadProgress progress,
                       BooleanSupplier cancelled) throws SourceException {
        LastRecords last = lastN > 0 ? new LastRecords((int) Math.min(lastN, Integer.MAX_VALUE - 8)) : null;
        long started = System.nanoTime();
        long lastReport = started;
        long taken = 0;
        MergedBatch batch;
        while (!cancelled.getAsBoolean() && (batch = fetcher.next(cancelled)) != null) {
            for (int k = 0; k < batch.size(); k++) {
                ConsumerRecord<byte[], byte[]> r = batch.record(k);
                int p = batch.partition(k);
                tracks[p].seen(r.offset());
                if (r.timestamp() >= sinceMillis) {
                    if (last != null) {
                        last.add(r, p);
                    } else {
                        appender.stage(r, p);
                    }
                    taken++;
                }
            }
            long now = System.nanoTime();
            if (now - lastReport > 200_000_000L) {
                lastReport = now;
                appender.decodeStaged(); // what is reported is visible within a report's time
                report(progress, taken, expected, started, now);
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

    private static void awaitQuietly(ExecutorService thread) {
        try {
            if (!thread.awaitTermination(KafkaClients.REQUEST_MILLIS + 3_000L, TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(LoadProgress progress, long loaded, long total, long started, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double fraction = total > 0 ? Math.min(1.0, (double) loaded / total) : 1.0;
        progress.update(new LoadStatus(loaded, total, fraction, loaded / seconds));
    }
}
