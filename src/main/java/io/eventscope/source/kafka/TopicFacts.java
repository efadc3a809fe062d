package io.eventscope.source.kafka;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What a topic's configuration and logs say about its history: whether compaction may have removed records,
 * and how many bytes its partitions hold.
 */
final class TopicFacts {
    private TopicFacts() {
    }

    /**
     * True when the topic's {@code cleanup.policy} includes compact. A broker that will not describe the
     * topic (no describe-configs right, a timeout) answers false: the gaps are then still reported.
     */
    static boolean compacted(KafkaEndpoint endpoint) {
        Admin admin = null;
        try {
            admin = KafkaClients.admin(endpoint);
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, endpoint.topic());
            Config config = admin.describeConfigs(List.of(topic)).all()
                    .get(KafkaClients.REQUEST_MILLIS, TimeUnit.MILLISECONDS).get(topic);
            ConfigEntry policy = config == null ? null : config.get("cleanup.policy");
            return policy != null && policy.value() != null && policy.value().contains("compact");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        } finally {
            if (admin != null) {
                admin.close(java.time.Duration.ofSeconds(2));
            }
        }
    }
    /**
     * Bytes the brokers' logs hold for {@code partitions} (each partition counted once, its largest replica), or
     * -1 when a broker will not say (no describe right on the cluster, a timeout): a size for the viewer's offer
     * before loading, record and batch overhead included.
     */
    static long logBytes(KafkaEndpoint endpoint, List<org.apache.kafka.common.TopicPartition> partitions) {
        Admin admin = null;
        try {
            admin = KafkaClients.admin(endpoint);
            List<Integer> brokers = admin.describeCluster().nodes().get(KafkaClients.REQUEST_MILLIS, TimeUnit.MILLISECONDS)
                    .stream().map(org.apache.kafka.common.Node::id).toList();
            var dirs = admin.describeLogDirs(brokers).allDescriptions()
                    .get(KafkaClients.REQUEST_MILLIS, TimeUnit.MILLISECONDS);
            java.util.Map<org.apache.kafka.common.TopicPartition, Long> largest = new java.util.HashMap<>();
            dirs.values().forEach(byDir -> byDir.values().forEach(dir -> dir.replicaInfos().forEach((tp, replica) -> {
                if (partitions.contains(tp)) {
                    largest.merge(tp, replica.size(), Math::max);
                }
            })));
            return largest.size() < partitions.size() ? -1 : largest.values().stream().mapToLong(Long::longValue).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        } finally {
            if (admin != null) {
                admin.close(java.time.Duration.ofSeconds(2));
            }
        }
    }
}
