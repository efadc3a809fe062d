package io.eventscope.source.kafka;

import io.eventscope.source.SourceException;
import io.eventscope.source.file.LineSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * {@code produce kafka://…}: writes a JSON Lines file into a topic, one record per line, for demo and test
 * data; the only Kafka code that writes. Record timestamps follow the events' own times (nudged one
 * millisecond forward where needed to keep them increasing), so the topic merges back in the file's order
 * and by-time cuts agree with the file. Without a key field, lines go round-robin over the partitions.
 */
public final class TopicProducer {
    /** {@code messages} written to {@code partitions} partitions; {@code created} when the topic was made. */
    public record Result(long messages, int partitions, boolean created) {
    }

    private final KafkaEndpoint endpoint;
    private final LineFields fields;

    /**
     * @param keyField   a top-level field whose text becomes the record key (same key, same partition), or null
     * @param timeFields the fields holding an event's time, first found wins (the projection's time fields)
     */
    public TopicProducer(KafkaEndpoint endpoint, String keyField, List<String> timeFields) {
        this.endpoint = endpoint;
        this.fields = new LineFields(keyField, timeFields);
    }

    /**
     * @param partitions with {@code create}: partitions of the new topic (0: one); else ignored
     * @param create     create the topic when missing (kept forever: retention.ms=-1, as its times are old)
     */
    public Result produce(Path file, int partitions, boolean create) throws SourceException {
        boolean created = create && createTopic(Math.max(1, partitions));
        int count = TopicCatalog.partitionCount(endpoint);
        Lines lines;
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(endpoint);
             InputStream in = Files.newInputStream(file)) {
            lines = new Lines(producer, count);
            // Split as the file loader splits (a '\r' before '\n' dropped), a buffer at a time.
            LineSplitter splitter = new LineSplitter(lines, 1 << 16);
            while (lines.failure.get() == null && splitter.readFrom(in) >= 0) {
                // each read sends its whole lines
            }
            producer.flush();
        } catch (IOException e) {
            throw new SourceException("The file " + file + " could not be read (" + e.getMessage() + ").");
        } catch (KafkaException e) {
            throw KafkaErrors.translate(endpoint, e);
        }
        if (lines.failure.get() instanceof SourceException s) {
            throw s;
        }
        return new Result(lines.sent, count, created);
    }

    /** Sends each line as one record: its key and time from {@link LineFields}, times kept increasing. */
    private final class Lines implements LineSplitter.Lines {
        private final KafkaProducer<byte[], byte[]> producer;
        private final int partitions;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private long sent;
        private long lastMillis = Long.MIN_VALUE;

        Lines(KafkaProducer<byte[], byte[]> producer, int partitions) {
            this.producer = producer;
            this.partitions = partitions;
        }

        @Override
        public void batch(byte[] buf, int[] starts, int[] ends, int count) {
            for (int k = 0; k < count && failure.get() == null; k++) {
                send(Arrays.copyOfRange(buf, starts[k], ends[k]));
            }
        }

        private void send(byte[] value) {
            LineFields.Read read = fields.read(value);
            long millis = read.millis() == Long.MIN_VALUE ? System.currentTimeMillis() : read.millis();
            millis = lastMillis == Long.MIN_VALUE ? millis : Math.max(millis, lastMillis + 1);
            lastMillis = millis;
            Integer partition = read.key() == null ? (int) (sent % partitions) : null;
            long line = ++sent;
            producer.send(new ProducerRecord<>(endpoint.topic(), partition, millis, read.key(), value), (meta, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, new SourceException("The broker at " + endpoint.bootstrap()
                            + " did not store line " + line + " (" + e.getMessage()
                            + "); check the topic's limits (message.max.bytes) and this user's rights.", e));
                }
            });
        }
    }

    /**
     * The controller has the new topic when creating returns, but a broker may not lead its partitions yet;
     * the first batches sent before then could wait out the delivery timeout. Waits, bounded, until every
     * partition has a leader.
     */
    private void awaitLeaders(Admin admin, int partitions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KafkaClients.REQUEST_MILLIS);
        while (System.nanoTime() < deadline) {
            try {
                var description = admin.describeTopics(List.of(endpoint.topic())).allTopicNames()
                        .get(KafkaClients.REQUEST_MILLIS, TimeUnit.MILLISECONDS).get(endpoint.topic());
                if (description != null && description.partitions().size() >= partitions
                        && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // not visible on this broker yet: ask again
            }
            Thread.sleep(50);
        }
        // Still no leader: sending goes on and reports its own failure in one sentence.
    }

    /** True when the topic was created, false when it existed already. */
    private boolean createTopic(int partitions) throws SourceException {
        Admin admin = null;
        try {
            admin = KafkaClients.admin(endpoint);
            NewTopic topic = new NewTopic(endpoint.topic(), java.util.Optional.of(partitions), java.util.Optional.empty())
                    .configs(Map.of("retention.ms", "-1"));
            admin.createTopics(List.of(topic)).all().get(KafkaClients.REQUEST_MILLIS, TimeUnit.MILLISECONDS);
            awaitLeaders(admin, partitions);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw KafkaErrors.translate(endpoint, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw KafkaErrors.translate(endpoint, new org.apache.kafka.common.errors.TimeoutException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("Creating topic " + endpoint.topic() + " was interrupted.");
        } catch (KafkaException e) {
            throw KafkaErrors.translate(endpoint, e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }
}
