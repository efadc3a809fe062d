package io.eventscope.source.kafka;

import io.eventscope.source.SourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The partitions of the endpoint's topic, or one sentence naming the topics that do exist. */
final class TopicCatalog {
    private TopicCatalog() {
    }

    static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, KafkaEndpoint endpoint)
            throws SourceException {
        return partitions(consumer, endpoint, null);
    }

    /** @param missingHint what to say when the topic is missing; null lists the topics that exist */
    static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, KafkaEndpoint endpoint,
                                           String missingHint) throws SourceException {
        Duration timeout = Duration.ofMillis(KafkaClients.REQUEST_MILLIS);
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(endpoint.topic(), timeout);
        } catch (UnknownTopicOrPartitionException e) {
            infos = List.of();
        } catch (KafkaException e) {
            throw KafkaErrors.translate(endpoint, e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new SourceException("There is no topic " + endpoint.topic() + " at " + endpoint.bootstrap() + "; "
                    + (missingHint == null ? describe(consumer, endpoint) : missingHint) + ".");
        }
        List<TopicPartition> tps = new ArrayList<>();
        for (PartitionInfo p : infos) {
            tps.add(new TopicPartition(p.topic(), p.partition()));
        }
        return KafkaSource.sorted(tps);
    }

    /** How many partitions the topic has (for round-robin writes); a missing topic is one sentence. */
    static int partitionCount(KafkaEndpoint endpoint) throws SourceException {
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = KafkaClients.consumer(endpoint, true);
        } catch (KafkaException e) {
            throw KafkaErrors.translate(endpoint, e);
        }
        try {
            int count = partitions(consumer, endpoint, "add --create (and --partitions P) to create it").size();
            // A topic just created may not have a leader for each partition yet; writing then only times out.
            long deadline = System.nanoTime() + KafkaClients.REQUEST_MILLIS * 1_000_000L;
            while (System.nanoTime() < deadline && consumer.partitionsFor(endpoint.topic(), Duration.ofMillis(
                    KafkaClients.REQUEST_MILLIS)).stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
                Thread.onSpinWait();
            }
            return count;
        } catch (KafkaException e) {
            throw KafkaErrors.translate(endpoint, e);
        } finally {
            KafkaSource.closeQuietly(consumer);
        }
    }

    /** "topics: a, b, c" (at most ten), "it has no topics", or nothing when listing is not allowed. */
    private static String describe(KafkaConsumer<byte[], byte[]> consumer, KafkaEndpoint endpoint) {
        try {
            TreeSet<String> names = new TreeSet<>();
            for (String name : consumer.listTopics(Duration.ofMillis(KafkaClients.REQUEST_MILLIS)).keySet()) {
                if (!name.startsWith("__")) {
                    names.add(name);
                }
            }
            if (names.isEmpty()) {
                return "the broker has no topics (produce one with eventscope produce --create)";
            }
            List<String> shown = new ArrayList<>(names).subList(0, Math.min(10, names.size()));
            return "topics there: " + String.join(", ", shown) + (names.size() > 10 ? ", …" : "");
        } catch (KafkaException e) {
            return "check the topic name";
        }
    }
}
