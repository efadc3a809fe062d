package io.eventscope.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker in this JVM on a free loopback port (Kafka's own test kit). Starting it
 * fails the test when it cannot start: a broker test never skips.
 */
public final class KafkaTestBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private KafkaTestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaTestBroker start() throws Exception {
        return start(Map.of());
    }

    /**
     * A broker whose client listener takes SASL PLAIN only, with the test kit's users (e.g.
     * {@code plain-user1} / {@code plain-user1-secret}); {@link #admin()} logs in as its admin.
     */
    public static KafkaTestBroker startSaslPlain() throws Exception {
        return start(Map.of(), org.apache.kafka.common.security.auth.SecurityProtocol.SASL_PLAINTEXT);
    }

    /** @param brokerProps extra broker settings */
    public static KafkaTestBroker start(Map<String, Object> brokerProps) throws Exception {
        return start(brokerProps, org.apache.kafka.common.security.auth.SecurityProtocol.PLAINTEXT);
    }

    private static KafkaTestBroker start(Map<String, Object> brokerProps,
                                         org.apache.kafka.common.security.auth.SecurityProtocol protocol) throws Exception {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(protocol == org.apache.kafka.common.security.auth.SecurityProtocol.PLAINTEXT)
                .setNumBrokerNodes(1).setNumControllerNodes(1).setBrokerSecurityProtocol(protocol).build())
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("log.cleaner.backoff.ms", "100");
        brokerProps.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaTestBroker(cluster);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** host:port of the broker. */
    public String bootstrap() {
        return cluster.bootstrapServers();
    }

    public String uri(String topic) {
        return "kafka://" + bootstrap() + "/" + topic;
    }

    public Admin admin() {
        return cluster.admin();
    }

    public void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(java.util.List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The consumer groups the broker knows, by id. */
    public Set<String> consumerGroups() throws Exception {
        try (Admin admin = admin()) {
            return admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(g -> g.groupId()).collect(Collectors.toSet());
        }
    }

    public KafkaProducer<byte[], byte[]> producer(Map<String, Object> extra) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("bootstrap.servers", bootstrap(), "acks", "all"));
        p.putAll(extra);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
