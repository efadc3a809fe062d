package io.eventscope.source.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.event.Timeline;
import io.eventscope.load.Sources;
import io.eventscope.source.EventSource;
import io.eventscope.source.SourceException;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.testing.Loads;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Auth, TLS and connection failures against real servers: what works, and that every failure is one
 * clear sentence within seconds that never shows the password.
 */
class ConnectionSecurityTest {
    private static final String READ_ONLY_PERMISSIONS = """
            permissions: {
              publish: { allow: ["$JS.API.CONSUMER.CREATE.>", "$JS.API.CONSUMER.MSG.NEXT.>",
                                 "$JS.API.CONSUMER.INFO.>", "$JS.API.CONSUMER.DELETE.>",
                                 "$JS.API.STREAM.INFO.>", "$JS.API.STREAM.NAMES"] }
              subscribe: { allow: ["_INBOX.>"] }
            }""";
    private static NatsServerProcess users;
    private static NatsServerProcess tokens;
    private static NatsServerProcess tls;

    @BeforeAll
    static void start() throws Exception {
        users = NatsServerProcess.start("""
                accounts: {
                  BANK: {
                    jetstream: enabled
                    users: [
                      { user: "admin", password: "admin-secret" }
                      { user: "alice$1", password: "alice-secret" }
                      { user: "reader", password: "reader-secret", %s }
                    ]
                  }
                }
                """.formatted(READ_ONLY_PERMISSIONS));
        try (JetStreamFixtures admin = new JetStreamFixtures(users.url(), "admin", "admin-secret")) {
            admin.createStream("audit#trail$1", "audit#trail$1.>");
            admin.publish(List.of("{\"type\":\"Deposit\",\"account\":\"X\",\"amount\":5}",
                    "{\"type\":\"Deposit\",\"account\":\"X\",\"amount\":7}"), List.of("audit#trail$1.final"), null);
        }
        tokens = NatsServerProcess.start("authorization: { token: \"carol::conn-token\" }\n");
        try (JetStreamFixtures admin = JetStreamFixtures.withToken(tokens.url(), "carol::conn-token")) {
            admin.createStream("ledger", "ledger");
            admin.publish(List.of("{\"type\":\"Deposit\",\"account\":\"T\",\"amount\":3}"), List.of("ledger"), null);
        }
        tls = NatsServerProcess.start("""
                tls: {
                  cert_file: "%s"
                  key_file: "%s"
                }
                """.formatted(resource("server.pem"), resource("server-key.pem")));
        try (JetStreamFixtures admin = JetStreamFixtures.withTls("nats://localhost:" + tls.port(),
                PemTrust.sslContext(resource("ca.pem")))) {
            admin.createStream("secure", "secure");
            admin.publish(List.of("{\"type\":\"Deposit\",\"account\":\"S\",\"amount\":11}"), List.of("secure"), null);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(ConnectionSecurityTest.class.getResource("/io/eventscope/tls/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        for (NatsServerProcess s : new NatsServerProcess[] {users, tokens, tls}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static SourceException failsQuickly(ThrowingSupplier<EventSource> open) {
        long started = System.nanoTime();
        Throwable thrown = null;
        try {
            open.get().close();
        } catch (Throwable t) {
            thrown = t;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(thrown).isInstanceOf(SourceException.class);
        assertThat(millis).as("reported within a few seconds").isLessThan(6_000);
        String message = thrown.getMessage();
        assertThat(message).doesNotContain("\n").endsWith(".");
        assertThat(message).doesNotContain("secret").doesNotContain("Exception");
        return (SourceException) thrown;
    }

    @Test
    void aMemphisUserIsTriedAsUserDollarOneFirst() throws Exception {
        try (EventSource s = Sources.open("memphis://alice:alice-secret@" + users.hostPort() + "/Audit.Trail")) {
            assertThat(s.displayName()).isEqualTo("memphis://alice@" + users.hostPort() + "/audit.trail");
            assertThat(Loads.balances(Loads.load(s)).get("X")).isEqualByComparingTo("12");
        }
    }

    @Test
    void aReaderWithOnlyConsumerAndStreamInfoPermissionsCanReadWithoutATrace() throws Exception {
        try (JetStreamFixtures admin = new JetStreamFixtures(users.url(), "admin", "admin-secret")) {
            long before = admin.messageCount("audit#trail$1");
            // falls back from reader$1 to the bare name; the password comes from outside the URI
            try (EventSource s = Sources.open("memphis://reader@" + users.hostPort() + "/audit.trail",
                    "reader-secret")) {
                Timeline t = Loads.load(s);
                assertThat(t.size()).isEqualTo(2);
                assertThat(Loads.balances(t).get("X")).isEqualByComparingTo("12");
            }
            assertThat(admin.messageCount("audit#trail$1")).isEqualTo(before);
            assertThat(admin.consumerNames("audit#trail$1")).isEmpty();
        }
    }

    @Test
    void aWrongPasswordIsOneSentenceThatNamesTheUserButNotThePassword() {
        SourceException e = failsQuickly(() -> Sources.open("memphis://alice:wrong-secret@" + users.hostPort() + "/audit.trail"));
        assertThat(e.getMessage()).contains("rejected user alice").doesNotContain("wrong-secret");
        SourceException anonymous = failsQuickly(() -> Sources.open("nats://" + users.hostPort() + "/x"));
        assertThat(anonymous.getMessage()).contains("rejected");
    }

    @Test
    void tokensWorkForNatsAndMemphisTokenMode() throws Exception {
        try (EventSource s = Sources.open("memphis://carol@" + tokens.hostPort() + "/ledger?auth=token", "conn-token")) {
            assertThat(s.displayName()).doesNotContain("conn-token");
            assertThat(Loads.load(s).size()).isEqualTo(1);
        }
        try (EventSource s = Sources.open("nats://" + tokens.hostPort() + "/ledger?auth=token", "carol::conn-token")) {
            assertThat(Loads.balances(Loads.load(s)).get("T")).isEqualByComparingTo("3");
        }
        SourceException e = failsQuickly(() -> Sources.open("nats://" + tokens.hostPort() + "/ledger?auth=token",
                "bad-secret"));
        assertThat(e.getMessage()).contains("rejected the token");
    }

    @Test
    void tlsWithACustomCaInPemReads() throws Exception {
        String uri = "nats+tls://localhost:" + tls.port() + "/secure?ca=" + resource("ca.pem");
        try (EventSource s = Sources.open(uri)) {
            assertThat(Loads.balances(Loads.load(s)).get("S")).isEqualByComparingTo("11");
        }
        // the same broker as a Memphis station (a legacy one whose stream has no .final subject)
        try (EventSource s = Sources.open("memphis+tls://localhost:" + tls.port() + "/Secure?ca=" + resource("ca.pem"))) {
            assertThat(s.displayName()).startsWith("memphis+tls://");
            assertThat(Loads.balances(Loads.load(s)).get("S")).isEqualByComparingTo("11");
        }
    }

    @Test
    void tlsFailuresSayWhatIsWrong() {
        SourceException untrusted = failsQuickly(() -> Sources.open("nats+tls://localhost:" + tls.port()
                + "/secure?ca=" + resource("other-ca.pem")));
        assertThat(untrusted.getMessage()).contains("TLS").contains("CA");
        SourceException plain = failsQuickly(() -> Sources.open("nats://localhost:" + tls.port() + "/secure"));
        assertThat(plain.getMessage()).contains("TLS");
    }

    @Test
    void anUnreachableHostAndAnUnknownStreamAreOneSentenceEach() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SourceException unreachable = failsQuickly(() -> Sources.open("nats://127.0.0.1:" + closedPort + "/x"));
        assertThat(unreachable.getMessage()).contains("Cannot reach").contains("127.0.0.1:" + closedPort);
        SourceException unknown = failsQuickly(() -> Sources.open("nats://" + tokens.hostPort()
                + "/ledgr?auth=token", "carol::conn-token"));
        assertThat(unknown.getMessage()).contains("no stream ledgr").contains("ledger");
    }
}
