package io.eventscope.source.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.source.SourceException;
import io.eventscope.source.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsEndpointTest {
    private static NatsEndpoint parse(String uri, String fallback) throws SourceException {
        return NatsEndpoint.parse(SourceSpec.parse(uri), fallback);
    }

    @Test
    void memphisDefaultsToPort6666AndNatsTo4222() throws Exception {
        NatsEndpoint m = parse("memphis://ledger-prod/Bank.Ledger", null);
        assertThat(m.memphis()).isTrue();
        assertThat(m.port()).isEqualTo(6666);
        assertThat(m.name()).isEqualTo("Bank.Ledger");
        assertThat(parse("nats://h/s", null).port()).isEqualTo(4222);
        assertThat(parse("nats+tls://h:7422/s", null).tls()).isTrue();
    }

    @Test
    void thePasswordNeverAppearsInTheDisplayName() throws Exception {
        NatsEndpoint e = parse("memphis://auditor:p%40ss:w0rd@h:6666/bank.ledger", null);
        assertThat(e.user()).isEqualTo("auditor");
        assertThat(e.password()).isEqualTo("p@ss:w0rd");
        assertThat(e.displayName()).isEqualTo("memphis://auditor@h:6666/bank.ledger");
        assertThat(e.toString()).doesNotContain("w0rd");
        assertThat(SourceSpec.redact("memphis://auditor:secret@h/s")).doesNotContain("secret");
    }

    @Test
    void aPasswordFromOutsideTheUriIsUsedOnlyWhenTheUriHasNone() throws Exception {
        assertThat(parse("memphis://a@h/s", "from-env").password()).isEqualTo("from-env");
        assertThat(parse("memphis://a:inline@h/s", "from-env").password()).isEqualTo("inline");
    }

    @Test
    void tokensAndInternalNamesWithHashSigns() throws Exception {
        NatsEndpoint token = parse("nats://s3cr3t@h/stream", null);
        assertThat(token.token()).isTrue();
        assertThat(token.password()).isEqualTo("s3cr3t");
        assertThat(token.displayName()).doesNotContain("s3cr3t");
        NatsEndpoint memphisToken = parse("memphis://root@h/st?auth=token", "conn-token");
        assertThat(memphisToken.token()).isTrue();
        assertThat(parse("nats://h/bank#ledger$1", null).name()).isEqualTo("bank#ledger$1");
    }

    @Test
    void mistakesAreOneSentence() {
        assertThatThrownBy(() -> parse("nats://h/", null)).hasMessageContaining("names no stream");
        assertThatThrownBy(() -> parse("nats://tok3n@h/", null)).hasMessageNotContaining("tok3n");
        assertThatThrownBy(() -> parse("memphis://h/s?colour=red", null)).hasMessageContaining("'colour' is not known");
        assertThatThrownBy(() -> parse("nats://h/s?ca=/x.pem", null)).hasMessageContaining("only applies to TLS");
        assertThatThrownBy(() -> parse("nats+tls://h/s?ca=/no/such.pem", null)).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> parse("memphis://u@h/s", null)).hasMessageContaining("needs a password");
    }

    @Test
    void passwordsComeFromTheFileFirstThenTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\nignored\n");
        assertThat(Passwords.resolve(file, Map.of("EVENTSCOPE_PASSWORD", "from-env"))).isEqualTo("from-file");
        assertThat(Passwords.resolve(null, Map.of("EVENTSCOPE_PASSWORD", "from-env"))).isEqualTo("from-env");
        assertThat(Passwords.resolve(null, Map.of())).isNull();
        Files.writeString(file, "");
        assertThatThrownBy(() -> Passwords.resolve(file, Map.of())).hasMessageContaining("is empty");
    }

    @Test
    void theConnectionNameNeverCarriesTheMemphisSdkMarker() throws Exception {
        assertThat(NatsConnector.CONNECTION_NAME).doesNotContain("::");
        var options = NatsConnector.options(parse("nats://h/s", null), null, null, NatsConnector.CONNECTION_NAME,
                new io.nats.client.ErrorListener() { });
        assertThat(options.getConnectionName()).doesNotContain("::");
        assertThat(options.getMaxReconnect()).isEqualTo(-1);
        assertThatThrownBy(() -> NatsConnector.options(parse("nats://h/s", null), null, null, "sdk::1",
                new io.nats.client.ErrorListener() { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalHostsAreTriedInTheOrderGivenEachWithTheSchemesDefaultPort() throws Exception {
        NatsEndpoint m = parse("memphis://auditor:pw@h1:6666,h2:7777,h3/bank.ledger", null);
        assertThat(m.hosts()).containsExactly("h1:6666", "h2:7777", "h3:6666");
        assertThat(m.user()).isEqualTo("auditor");
        assertThat(m.password()).isEqualTo("pw");
        assertThat(m.name()).isEqualTo("bank.ledger");
        assertThat(m.displayName()).isEqualTo("memphis://auditor@h1:6666,h2:7777,h3:6666/bank.ledger");
        NatsEndpoint n = parse("nats://h1,127.0.0.1:4333/orders", null);
        assertThat(n.hosts()).containsExactly("h1:4222", "127.0.0.1:4333");
        assertThat(n.host()).isEqualTo("h1");
        assertThat(n.port()).isEqualTo(4222);
        var options = NatsConnector.options(n, null, null, NatsConnector.CONNECTION_NAME, new io.nats.client.ErrorListener() { });
        assertThat(options.getServers()).extracting(Object::toString)
                .containsExactly("nats://h1:4222", "nats://127.0.0.1:4333");
        assertThat(parse("nats+tls://a:1,b:2/s", null).serverUrls()).containsExactly("tls://a:1", "tls://b:2");
    }

    @Test
    void aBadHostListIsOneSentenceWithoutThePassword() {
        assertThatThrownBy(() -> parse("nats://u:s3cret@h1,,h2/s", null)).isInstanceOf(SourceException.class)
                .hasMessageContaining("is not host[:port]").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> parse("memphis://h1:99999,h2/s", null)).hasMessageContaining("h1:99999");
        assertThatThrownBy(() -> parse("nats://h1:x,h2/s", null)).hasMessageContaining("h1:x");
        assertThatThrownBy(() -> parse("nats://h1,h2/", null)).hasMessageContaining("names no stream")
                .hasMessageContaining("h1:4222,h2:4222");
        String many = "nats://" + "h,".repeat(1000) + "h/s";
        assertThatThrownBy(() -> parse(many, null)).hasMessageContaining("1001 hosts");
    }
}
