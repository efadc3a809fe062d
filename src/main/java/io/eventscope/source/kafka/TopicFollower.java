package io.eventscope.source.kafka;

import io.eventscope.source.DaemonThread;
import io.eventscope.source.LiveTail;
import io.eventscope.source.SourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The live tail of a topic: a consumer of its own (assign + seek, no group) starting where the load
 * stopped, appending what arrives on a thread of its own. Records that arrive in one poll from several
 * partitions are appended in timeline order (timestamp, partition, offset).
 */
final class TopicFollower implements LiveTail {
    /** A quiet topic is normal; after this long without records the tail checks that the broker answers. */
    private static final long PROBE_AFTER_MILLIS = 15_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaEndpoint endpoint;
    private final List<TopicPartition> partitions;
    private final RecordAppender appender;
    private final Consumer<SourceException> onError;
    private final ExecutorService executor;
    private volatile boolean closed;

    private TopicFollower(KafkaConsumer<byte[], byte[]> consumer, KafkaEndpoint endpoint, List<TopicPartition> partitions,
                          RecordAppender appender, Consumer<SourceException> onError) {
        this.consumer = consumer;
        this.endpoint = endpoint;
        this.partitions = partitions;
        this.appender = appender;
        this.onError = onError;
        this.executor = DaemonThread.named("eventscope-follow-" + endpoint.topic());
    }

    static TopicFollower start(KafkaEndpoint endpoint, List<TopicPartition> partitions, long[] from,
                               RecordAppender appender, Consumer<SourceException> onError) throws SourceException {
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = KafkaClients.consumer(endpoint, true);
            consumer.assign(partitions);
            for (int i = 0; i < partitions.size(); i++) {
                consumer.seek(partitions.get(i), from[i]);
            }
        } catch (KafkaException e) {
            throw KafkaErrors.translate(endpoint, e);
        }
        TopicFollower follower = new TopicFollower(consumer, endpoint, partitions, appender, onError);
        follower.executor.execute(follower::run);
        return follower;
    }

    private void run() {
        record Arrival(ConsumerRecord<byte[], byte[]> record, int partition) {
        }
        List<Arrival> batch = new ArrayList<>();
        long quietSince = System.nanoTime();
        boolean reported = false;
        try {
            while (!closed) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                batch.clear();
                for (int i = 0; i < partitions.size(); i++) {
                    for (ConsumerRecord<byte[], byte[]> r : records.records(partitions.get(i))) {
                        batch.add(new Arrival(r, i));
                    }
                }
                batch.sort((a, b) -> PartitionMerge.before(a.record, a.partition, b.record, b.partition) ? -1
                        : PartitionMerge.before(b.record, b.partition, a.record, a.partition) ? 1 : 0);
                for (Arrival a : batch) {
                    if (closed) {
                        return;
                    }
                    appender.append(a.record, a.partition);
                }
                long now = System.nanoTime();
                if (!batch.isEmpty()) {
                    quietSince = now;
                    reported = false;
                } else if (!reported && (now - quietSince) / 1_000_000 > PROBE_AFTER_MILLIS) {
                    quietSince = now;
                    reported = !brokerAnswers();
                }
            }
        } catch (WakeupException e) {
            // closed while polling
        } catch (KafkaException e) {
            if (!closed) {
                onError.accept(KafkaErrors.translate(endpoint, e));
            }
        } catch (RuntimeException e) {
            onError.accept(new SourceException("Following " + endpoint.topic() + " stopped (" + e.getMessage()
                    + "); the events so far are kept.", e));
        } finally {
            KafkaSource.closeQuietly(consumer);
        }
    }

    /** Asks for the end offsets; says once that the broker is gone if it does not answer. */
    private boolean brokerAnswers() {
        try {
            consumer.endOffsets(partitions, Duration.ofMillis(KafkaClients.REQUEST_MILLIS));
            return true;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            onError.accept(new SourceException("Lost the connection to " + endpoint.bootstrap()
                    + "; still retrying, and new events will appear when the broker is back."));
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
