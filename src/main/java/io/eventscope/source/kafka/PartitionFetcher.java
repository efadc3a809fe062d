package io.eventscope.source.kafka;

import io.eventscope.source.SourceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Polls the consumer on a thread of its own and merges the partitions there ({@link TimestampMerge}), handing
 * the loading thread batches already in timeline order: the client's fetching and parsing and the merge
 * overlap the decoding of what came before. Only this thread touches the consumer while it runs (KafkaConsumer
 * is not thread safe). A partition that runs ahead of the others is paused, and at most {@link #QUEUED}
 * batches wait for the loading thread, so memory stays bounded whatever the skew.
 */
final class PartitionFetcher implements Runnable {
    private static final int PAUSE_ABOVE = 20_000;
    private static final int RESUME_BELOW = 5_000;
    private static final int BATCH = 2048;
    private static final int QUEUED = 8;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> tps;
    private final long[] end;
    private final long stallMillis;
    private final KafkaEndpoint endpoint;
    private final TimestampMerge merge;
    private final BlockingQueue<MergedBatch> ready = new ArrayBlockingQueue<>(QUEUED);
    private final boolean[] paused;
    private final boolean[] done;
    private volatile boolean stop;
    private volatile boolean finished;
    private volatile Exception failure;
    private volatile boolean exited;

    PartitionFetcher(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> tps, long[] end, long stallMillis,
                     KafkaEndpoint endpoint) {
        this.consumer = consumer;
        this.tps = tps;
        this.end = end;
        this.stallMillis = stallMillis;
        this.endpoint = endpoint;
        int n = tps.size();
        this.paused = new boolean[n];
        this.done = new boolean[n];
        this.merge = new TimestampMerge(n, BATCH, this::handOver);
    }

    @Override
    public void run() {
        try {
            long lastData = System.nanoTime();
            while (!stop) {
                boolean open = false;
                for (int i = 0; i < tps.size(); i++) {
                    if (!done[i] && consumer.position(tps.get(i)) >= end[i]) {
                        finish(i);
                    }
                    open |= !done[i];
                    if (paused[i] && !done[i] && merge.buffered(i) < RESUME_BELOW) {
                        consumer.resume(List.of(tps.get(i)));
                        paused[i] = false;
                    }
                }
                merge.drain();
                if (!open) {
                    finished = true;
                    break;
                }
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(50));
                long now = System.nanoTime();
                if (!polled.isEmpty()) {
                    lastData = now;
                    take(polled);
                    merge.drain();
                    lastData = System.nanoTime(); // time waiting for the loading thread is not the broker's
                } else if ((now - lastData) / 1_000_000 > stallMillis && anyOpenAndRunning()) {
                    throw new SourceException("The broker at " + endpoint.bootstrap() + " sent nothing for "
                            + stallMillis / 1000 + " s; check the broker and load again.");
                }
            }
        } catch (SourceException | KafkaException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new SourceException("Reading " + endpoint.displayName() + " stopped (" + e.getMessage()
                    + "); load again.", e);
        } finally {
            exited = true;
        }
    }

    private boolean anyOpenAndRunning() {
        for (int i = 0; i < tps.size(); i++) {
            if (!done[i] && !paused[i]) {
                return true;
            }
        }
        return false;
    }

    private void take(ConsumerRecords<byte[], byte[]> polled) {
        for (int i = 0; i < tps.size(); i++) {
            List<ConsumerRecord<byte[], byte[]>> records = polled.records(tps.get(i));
            if (records.isEmpty() || done[i]) {
                continue;
            }
            int keep = records.size();
            while (keep > 0 && records.get(keep - 1).offset() >= end[i]) {
                keep--; // arrived after the load began: the live tail reads it
            }
            merge.offer(i, keep == records.size() ? records : records.subList(0, keep));
            if (merge.buffered(i) > PAUSE_ABOVE && !paused[i]) {
                consumer.pause(List.of(tps.get(i)));
                paused[i] = true;
            }
            if (keep < records.size()) {
                finish(i);
            }
        }
    }

    private void finish(int i) {
        done[i] = true;
        merge.close(i);
        if (!paused[i]) {
            consumer.pause(List.of(tps.get(i)));
            paused[i] = true;
        }
    }

    /** Waits while the loading thread is {@link #QUEUED} batches behind (an unchecked wrapper for the merge). */
    private void handOver(MergedBatch batch) {
        try {
            while (!stop && !ready.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                // the loading thread is busy; the consumer waits with it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop = true;
        }
    }

    /**
     * The next batch in timeline order, waiting for one; null when every partition is read to its end and
     * handed over (or the load was cancelled or stopped). Rethrows what stopped the fetch.
     */
    MergedBatch next(BooleanSupplier cancelled) throws SourceException {
        while (true) {
            MergedBatch b;
            try {
                b = ready.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("Loading " + endpoint.displayName()
                        + " was interrupted; the events read so far are kept.");
            }
            if (b != null) {
                return b;
            }
            rethrow();
            if (finished && ready.isEmpty()) {
                return null;
            }
            if (cancelled.getAsBoolean() || stop) {
                return null;
            }
            if (exited && ready.isEmpty()) {
                rethrow();
                if (!finished) {
                    throw new SourceException("Reading " + endpoint.displayName() + " stopped; load again.");
                }
            }
        }
    }

    private void rethrow() throws SourceException {
        Exception e = failure;
        if (e instanceof SourceException s) {
            throw s;
        }
        if (e instanceof KafkaException k) {
            throw KafkaErrors.translate(endpoint, k);
        }
    }

    void stop() {
        stop = true;
    }
}
