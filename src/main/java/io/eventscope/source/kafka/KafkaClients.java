package io.eventscope.source.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients Eventscope makes, configured once: bounded timeouts (Kafka clients retry forever by
 * default), TLS and SASL from the endpoint, and for reading no {@code group.id}, so nothing is ever
 * committed or left behind on the broker.
 */
final class KafkaClients {
    /** Every single request (metadata, offsets, a fetch) gives up after this; a user hears within 10 s. */
    static final int REQUEST_MILLIS = 6_000;

    private KafkaClients() {
    }

    /** A reader: assign + seek only. {@code committedOnly} reads as {@code isolation.level=read_committed}. */
    static KafkaConsumer<byte[], byte[]> consumer(KafkaEndpoint endpoint, boolean committedOnly) {
        Map<String, Object> p = common(endpoint, "eventscope-reader");
        p.put("enable.auto.commit", false);
        p.put("allow.auto.create.topics", false);
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", committedOnly ? "read_committed" : "read_uncommitted");
        p.put("default.api.timeout.ms", REQUEST_MILLIS);
        p.put("max.poll.records", 4096);
        p.put("fetch.max.wait.ms", 200); // a live tail sees a new record within this
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** For topic facts (cleanup policy), and for {@code produce --create}. */
    static Admin admin(KafkaEndpoint endpoint) {
        Map<String, Object> p = common(endpoint, "eventscope-admin");
        p.put("default.api.timeout.ms", REQUEST_MILLIS);
        return Admin.create(p);
    }

    /** For {@code produce} only: the one writer. */
    static KafkaProducer<byte[], byte[]> producer(KafkaEndpoint endpoint) {
        Map<String, Object> p = common(endpoint, "eventscope-producer");
        p.put("acks", "all");
        p.put("linger.ms", 5);
        p.put("batch.size", 256 * 1024);
        p.put("max.block.ms", REQUEST_MILLIS);
        // A write that started may take its time on a busy broker; an unreachable one fails at max.block.ms.
        p.put("delivery.timeout.ms", 120_000);
        p.put("request.timeout.ms", 10_000);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> common(KafkaEndpoint endpoint, String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", endpoint.bootstrap());
        p.put("client.id", clientId);
        p.put("request.timeout.ms", REQUEST_MILLIS);
        p.put("socket.connection.setup.timeout.ms", 5_000);
        p.put("socket.connection.setup.timeout.max.ms", 5_000);
        p.put("reconnect.backoff.ms", 100);
        p.put("reconnect.backoff.max.ms", 1_000);
        p.put("metadata.max.age.ms", 60_000);
        boolean sasl = endpoint.user() != null;
        p.put("security.protocol", (sasl ? "SASL_" : "") + (endpoint.ssl() ? "SSL" : "PLAINTEXT"));
        if (endpoint.ssl() && endpoint.ca() != null) {
            p.put("ssl.truststore.type", "PEM");
            p.put("ssl.truststore.location", endpoint.ca().toString());
        }
        if (sasl) {
            p.put("sasl.mechanism", endpoint.mechanism());
            String module = endpoint.mechanism().equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put("sasl.jaas.config", module + " required username=\"" + jaasQuoted(endpoint.user())
                    + "\" password=\"" + jaasQuoted(endpoint.password()) + "\";");
        }
        return p;
    }

    /** JAAS reads quoted strings with backslash escapes: a quote or backslash in a password must be escaped. */
    static String jaasQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
