package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.demo.DemoLog;
import io.eventscope.testing.KafkaTestBroker;
import io.eventscope.testing.KafkaTestBroker.Listener;
import io.eventscope.testing.TestCertificates;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCRAM-SHA-256/512 and TLS against a real in-process broker (listeners made by
 * {@link KafkaTestBroker#startSecured}, certificates by keytool): the right password, given in the URI or in
 * a password file, reads the same balances as the file; a wrong password or a wrong CA is one sentence within
 * 10 s; the password, full of URI and JAAS reserved characters, is never printed.
 */
class KafkaSecurityCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reserved in a URI's user-info ({@code / @ % :}) and in a JAAS quoted string ({@code " \}). */
    private static final String PASSWORD = "s/e@c%r:e\"t\\7";
    private static final String USER = "alice";
    private static KafkaTestBroker broker;
    private static TestCertificates certificates;
    private static Path log;
    private static Path passwordFile;
    private static JsonNode fileState;

    @BeforeAll
    static void startASecuredBrokerWithATopic(@TempDir Path dir) throws Exception {
        certificates = TestCertificates.create(dir);
        broker = KafkaTestBroker.startSecured(certificates);
        broker.addScramUser(USER, PASSWORD);
        log = dir.resolve("bank.jsonl");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            new DemoLog(600, 12, 3).write(w);
        }
        Cli produced = Cli.run("produce", broker.uri("bank"), "--file", log.toString(), "--partitions", "3",
                "--create", "--key-field", "account");
        assertThat(produced.exit).as(produced.err).isZero();
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        fileState = state(Cli.run("state", log.toString(), "--format", "json"));
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void scramSha256WithThePasswordInTheUriReadsTheFilesBalances() throws Exception {
        Cli c = Cli.run("state", "kafka://" + USER + ":" + encoded(PASSWORD) + "@" + broker.bootstrap(Listener.SCRAM)
                + "/bank?sasl=SCRAM-SHA-256", "--format", "json");
        assertThat(c.err).isEmpty();
        assertThat(state(c).get("entities")).isEqualTo(fileState.get("entities"));
        assertThat(state(c).get("position")).isEqualTo(fileState.get("position"));
        assertNoPassword(c);
    }

    @Test
    void scramSha512WithAPasswordFileReadsTheFilesBalances() throws Exception {
        Cli c = Cli.run("state", "kafka://" + USER + "@" + broker.bootstrap(Listener.SCRAM) + "/bank?sasl=SCRAM-SHA-512",
                "--password-file", passwordFile.toString(), "--format", "json");
        assertThat(c.err).isEmpty();
        assertThat(state(c).get("entities")).isEqualTo(fileState.get("entities"));
        assertNoPassword(c);
    }

    @Test
    void aWrongScramPasswordIsOneSentenceWithinTenSeconds(@TempDir Path dir) throws Exception {
        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, PASSWORD + "x\n");
        for (String mechanism : new String[] {"SCRAM-SHA-256", "SCRAM-SHA-512"}) {
            long start = System.nanoTime();
            Cli c = Cli.run("state", "kafka://" + USER + "@" + broker.bootstrap(Listener.SCRAM) + "/bank?sasl="
                    + mechanism, "--password-file", wrong.toString());
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
            assertThat(c.exit).isNotZero();
            assertThat(c.err.strip()).isEqualTo("The broker at " + broker.bootstrap(Listener.SCRAM) + " refused user "
                    + USER + " (" + mechanism + "); check the user name and password.");
            assertNoPassword(c);
        }
    }

    @Test
    void aPasswordWithALineBreakIsOneSentenceThatQuotesNoPartOfIt() {
        Cli c = Cli.run("state", "kafka://" + USER + ":first%0Asecond-half@" + broker.bootstrap(Listener.SCRAM)
                + "/bank?sasl=SCRAM-SHA-256");
        assertThat(c.exit).isNotZero();
        assertThat(c.err.strip()).isEqualTo("The password of Kafka user " + USER + " contains a line break, which "
                + "SASL login options cannot carry; check the password.");
        assertThat(c.out + c.err).doesNotContain("first").doesNotContain("second-half");
    }

    @Test
    void tlsWithTheBrokersCaReadsTheFilesBalances() throws Exception {
        Cli c = Cli.run("state", "kafka+ssl://" + broker.bootstrap(Listener.TLS) + "/bank?ca="
                + encoded(certificates.caPem().toString()), "--format", "json");
        assertThat(c.err).isEmpty();
        assertThat(state(c).get("entities")).isEqualTo(fileState.get("entities"));
    }

    @Test
    void scramOverTlsReadsTheFilesBalances() throws Exception {
        Cli c = Cli.run("state", "kafka+ssl://" + USER + "@" + broker.bootstrap(Listener.SCRAM_TLS) + "/bank?ca="
                + encoded(certificates.caPem().toString()) + "&sasl=SCRAM-SHA-512",
                "--password-file", passwordFile.toString(), "--format", "json");
        assertThat(c.err).isEmpty();
        assertThat(state(c).get("entities")).isEqualTo(fileState.get("entities"));
        assertNoPassword(c);
    }

    @Test
    void aWrongCaIsOneSentenceWithinTenSeconds() {
        long start = System.nanoTime();
        Cli c = Cli.run("state", "kafka+ssl://" + broker.bootstrap(Listener.TLS) + "/bank?ca="
                + encoded(certificates.otherCaPem().toString()));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(c.exit).isNotZero();
        assertThat(c.err.strip()).isEqualTo("The TLS handshake with " + broker.bootstrap(Listener.TLS)
                + " failed; check that the broker speaks TLS on that port and give its CA certificate with ?ca=PATH.");
    }

    private static void assertNoPassword(Cli c) {
        for (String shown : new String[] {c.out, c.err}) {
            assertThat(shown).doesNotContain(PASSWORD).doesNotContain(encoded(PASSWORD)).doesNotContain("e@c%r");
        }
    }

    private static JsonNode state(Cli c) throws Exception {
        assertThat(c.exit).as(c.err).isZero();
        return JSON.readTree(c.out);
    }
}
