package io.eventscope.testing;

import java.util.List;
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

    /**
     * A broker with three more listeners beside its plain one: {@link Listener#SCRAM} (SASL_PLAINTEXT),
     * {@link Listener#TLS} (SSL) and {@link Listener#SCRAM_TLS} (SASL_SSL), the SASL ones offering SCRAM-SHA-256
     * and SCRAM-SHA-512 only, the TLS ones presenting {@code certificates}' server key. No authorizer: every
     * user who logs in may read. Add users with {@link #addScramUser}.
     */
    public static KafkaTestBroker startSecured(TestCertificates certificates) throws Exception {
        String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
        Map<String, Object> props = new java.util.HashMap<>();
        props.put("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,SCRAM://localhost:0,"
                + "TLS://localhost:0,SCRAM_TLS://localhost:0");
        props.put("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SCRAM:SASL_PLAINTEXT,"
                + "TLS:SSL,SCRAM_TLS:SASL_SSL");
        props.put("sasl.enabled.mechanisms", "SCRAM-SHA-256,SCRAM-SHA-512");
        for (String listener : List.of("scram", "scram_tls")) {
            props.put("listener.name." + listener + ".scram-sha-256.sasl.jaas.config", scram);
            props.put("listener.name." + listener + ".scram-sha-512.sasl.jaas.config", scram);
        }
        props.put("ssl.keystore.type", "PKCS12");
        props.put("ssl.keystore.location", certificates.serverKeystore().toString());
        props.put("ssl.keystore.password", TestCertificates.STORE_PASSWORD);
        props.put("ssl.key.password", TestCertificates.STORE_PASSWORD);
        return start(props);
    }

    /** The extra listeners of {@link #startSecured}. */
    public enum Listener { SCRAM, TLS, SCRAM_TLS }

    /** host:port of one of {@link #startSecured}'s listeners. */
    public String bootstrap(Listener listener) {
        int port = cluster.brokers().values().iterator().next()
                .boundPort(org.apache.kafka.common.network.ListenerName.normalised(listener.name()));
        return "localhost:" + port;
    }

    /**
     * Creates (or replaces) a SCRAM user for both mechanisms and waits, bounded, until the broker accepts
     * it: the credential travels through the metadata log before the listener knows it.
     */
    public void addScramUser(String user, String password) throws Exception {
        // One request per mechanism: the broker refuses two changes of one user in a single request.
        for (var mechanism : List.of(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_256,
                org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512)) {
            try (Admin admin = admin()) {
                admin.alterUserScramCredentials(List.of(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(
                        user, new org.apache.kafka.clients.admin.ScramCredentialInfo(mechanism, 4096), password)))
                        .all().get(30, TimeUnit.SECONDS);
            }
        }
        for (String mechanism : List.of("SCRAM-SHA-256", "SCRAM-SHA-512")) {
            awaitLogin(user, password, mechanism);
        }
    }

    private void awaitLogin(String user, String password, String mechanism) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Map<String, Object> p = Map.of("bootstrap.servers", bootstrap(Listener.SCRAM),
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", mechanism,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\";",
                "request.timeout.ms", 5_000, "default.api.timeout.ms", 5_000);
        while (true) {
            try (Admin admin = Admin.create(p)) {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker never accepted SCRAM user " + user, e);
                }
            }
        }
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
                .setConfigProp("log.cleaner.backoff.ms", "100")
                // Tests stamp records in 1970 (1000 ms, 2000 ms): under the default 7-day retention the broker's
                // first retention check, 30 s after start, deleted them, so a test running late (a loaded
                // machine) read a partition without its first records. Kept forever, as produce --create does.
                .setConfigProp("log.retention.ms", "-1");
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
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
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
