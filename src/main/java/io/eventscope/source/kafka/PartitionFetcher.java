package io.eventscope.source.kafka;

import io.eventscope.source.SourceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Polls the consumer on a thread of its own and hands each partition's records over in the batches the
 * client made, so that the client's fetching and parsing overlaps the decoding of what came before (on
 * the loading thread). Only this thread touches the consumer while it runs (KafkaConsumer is not thread
 * safe). A partition that runs ahead of the others is paused, so memory stays bounded whatever the skew.
 */
final class PartitionFetcher implements Runnable {
    private static final int PAUSE_ABOVE = 20_000;
    private static final int RESUME_BELOW = 5_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> tps;
    private final long[] end;
    private final long stallMillis;
    private final KafkaEndpoint endpoint;
    private final ConcurrentLinkedQueue<List<ConsumerRecord<byte[], byte[]>>>[] batches;
    private final AtomicInteger[] queued;
    private final boolean[] paused;
    private final boolean[] doneHere;
    private final Object signal = new Object();
    /** Per partition: every record below its end offset has been handed over. */
    final boolean[] done;
    private volatile boolean stop;
    private volatile Exception failure;
    private volatile long polls;

    @SuppressWarnings("unchecked")
    PartitionFetcher(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> tps, long[] end, long stallMillis,
                     KafkaEndpoint endpoint) {
        this.consumer = consumer;
        this.tps = tps;
        this.end = end;
        this.stallMillis = stallMillis;
        this.endpoint = endpoint;
        int n = tps.size();
        this.batches = new ConcurrentLinkedQueue[n];
        this.queued = new AtomicInteger[n];
        this.paused = new boolean[n];
        this.doneHere = new boolean[n];
        this.done = new boolean[n];
        for (int i = 0; i < n; i++) {
            batches[i] = new ConcurrentLinkedQueue<>();
            queued[i] = new AtomicInteger();
        }
    }

    @Override
    public void run() {
        try {
            long lastData = System.nanoTime();
            while (!stop) {
                boolean open = false;
                for (int i = 0; i < tps.size(); i++) {
                    if (!doneHere[i] && consumer.position(tps.get(i)) >= end[i]) {
                        finish(i);
                    }
                    open |= !doneHere[i];
                    if (paused[i] && !doneHere[i] && queued[i].get() < RESUME_BELOW) {
                        consumer.resume(List.of(tps.get(i)));
                        paused[i] = false;
                    }
                }
                if (!open) {
                    break;
                }
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(50));
                polls++;
                long now = System.nanoTime();
                if (!polled.isEmpty()) {
                    lastData = now;
                    hand(polled);
                } else if ((now - lastData) / 1_000_000 > stallMillis && anyOpenAndRunning()) {
                    throw new SourceException("The broker at " + endpoint.bootstrap() + " sent nothing for "
                            + stallMillis / 1000 + " s; check the broker and load again.");
                }
            }
        } catch (SourceException | KafkaException e) {
            failure = e;
        } finally {
            wake();
        }
    }

    private boolean anyOpenAndRunning() {
        for (int i = 0; i < tps.size(); i++) {
            if (!doneHere[i] && !paused[i]) {
                return true;
            }
        }
        return false;
    }

    private void hand(ConsumerRecords<byte[], byte[]> polled) {
        for (int i = 0; i < tps.size(); i++) {
            List<ConsumerRecord<byte[], byte[]>> records = polled.records(tps.get(i));
            if (records.isEmpty() || doneHere[i]) {
                continue;
            }
            int keep = records.size();
            while (keep > 0 && records.get(keep - 1).offset() >= end[i]) {
                keep--; // arrived after the load began: the live tail reads it
            }
            if (keep > 0) {
                batches[i].add(keep == records.size() ? records : records.subList(0, keep));
                if (queued[i].addAndGet(keep) > PAUSE_ABOVE && !paused[i]) {
                    consumer.pause(List.of(tps.get(i)));
                    paused[i] = true;
                }
            }
            if (keep < records.size()) {
                finish(i);
            }
        }
        wake();
    }

    private void finish(int i) {
        doneHere[i] = true;
        if (!paused[i]) {
            consumer.pause(List.of(tps.get(i)));
            paused[i] = true;
        }
        synchronized (signal) {
            done[i] = true;
        }
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /**
     * The next batch of partition {@code i}, waiting for one while the partition is not done; null when
     * it is done and drained (or the fetch stopped). Rethrows what stopped the fetch.
     */
    List<ConsumerRecord<byte[], byte[]>> next(int i, java.util.function.BooleanSupplier cancelled)
            throws SourceException {
        while (true) {
            List<ConsumerRecord<byte[], byte[]>> b = batches[i].poll();
            if (b != null) {
                queued[i].addAndGet(-b.size());
                return b;
            }
            rethrow();
            synchronized (signal) {
                if (done[i] && batches[i].isEmpty()) {
                    return null;
                }
                if (batches[i].isEmpty() && !stop) {
                    try {
                        signal.wait(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SourceException("Loading " + endpoint.displayName()
                                + " was interrupted; the events read so far are kept.");
                    }
                }
            }
            if (cancelled.getAsBoolean() || stop) {
                return null;
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
        wake();
    }
}
