package io.eventscope.source.kafka;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** What a topic's configuration says about its history: whether compaction may have removed records. */
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
}
