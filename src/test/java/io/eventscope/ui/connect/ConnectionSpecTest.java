package io.eventscope.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.source.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSpecTest {
    @Test
    void buildsTheSourceUriWithDefaultPortTlsAndCa() throws Exception {
        var spec = new ConnectionSpec(SourceKind.MEMPHIS, "ledger-prod", 0, "auditor", "s3cr:et@x", true,
                "/etc/ca.pem", "bank.ledger");
        String uri = spec.sourceText();
        assertThat(uri).startsWith("memphis+tls://auditor:").contains("@ledger-prod:6666/bank.ledger")
                .endsWith("?ca=/etc/ca.pem");
        var parsed = SourceSpec.parse(uri);
        assertThat(parsed.userInfo().user()).isEqualTo("auditor");
        assertThat(parsed.userInfo().password()).isEqualTo("s3cr:et@x");
        assertThat(parsed.uri().getHost()).isEqualTo("ledger-prod");
        assertThat(spec.label()).doesNotContain("s3cr");
    }

    @Test
    void aKafkaConnectionListsSeveralHostsAndNamesItsSaslMechanism() throws Exception {
        Path ca = Files.createTempFile("ca", ".pem");
        var spec = new ConnectionSpec(SourceKind.KAFKA, "k1, k2:9093", 0, "auditor", "p@ss:w\"o%rd", true,
                ca.toString(), "bank.ledger", "SCRAM-SHA-512");
        String uri = spec.sourceText();
        assertThat(uri).startsWith("kafka+ssl://auditor:").contains("@k1:9092,k2:9093/bank.ledger?");
        var endpoint = io.eventscope.source.kafka.KafkaEndpoint.parse(SourceSpec.parse(uri), null);
        assertThat(endpoint.hosts()).containsExactly("k1:9092", "k2:9093");
        assertThat(endpoint.user()).isEqualTo("auditor");
        assertThat(endpoint.password()).isEqualTo("p@ss:w\"o%rd");
        assertThat(endpoint.mechanism()).isEqualTo("SCRAM-SHA-512");
        assertThat(endpoint.ca()).isEqualTo(ca);
        assertThat(spec.label()).isEqualTo("kafka+ssl://auditor@k1:9092,k2:9093/bank.ledger");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                new ConnectionSpec(SourceKind.KAFKA, "k1;rm", 0, "", "", false, "", "t", null).sourceText())
                .isInstanceOf(java.net.URISyntaxException.class);
        Files.delete(ca);
    }

    @Test
    void filesAreOpenedByPathAndIncompleteConnectionsSayWhatIsMissing() throws Exception {
        assertThat(new ConnectionSpec(SourceKind.FILE, "", 0, "", "", false, "", "/tmp/x.jsonl").sourceText())
                .isEqualTo("/tmp/x.jsonl");
        assertThat(new ConnectionSpec(SourceKind.NATS, "", 0, "", "", false, "", "orders").problem())
                .contains("host");
        assertThat(new ConnectionSpec(SourceKind.NATS, "h", 0, "", "", false, "", " ").problem())
                .contains("stream");
    }

    @Test
    void recentConnectionsAreRememberedWithoutPasswords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("recent.json");
        RecentConnections recent = new RecentConnections(file);
        recent.remember(new ConnectionSpec(SourceKind.NATS, "broker", 4333, "ops", "hunter2", false, "", "orders"));
        recent.remember(new ConnectionSpec(SourceKind.MEMPHIS, "m", 0, "a", "pa55word", false, "", "ledger"));
        recent.remember(new ConnectionSpec(SourceKind.NATS, "broker", 4333, "ops", "other", false, "", "orders"));
        String saved = Files.readString(file);
        assertThat(saved).doesNotContain("hunter2").doesNotContain("pa55word").doesNotContain("other");
        var list = recent.load();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).name()).isEqualTo("orders");
        assertThat(list.get(0).port()).isEqualTo(4333);
        assertThat(list.get(0).password()).isNull();
    }
}
