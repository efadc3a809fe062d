package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.testing.JetStreamFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack exported from a password-protected stream: no file of it holds the password, it verifies, and
 * verify-pack --source checks the stream still holds the same events (sequences and broker times included).
 */
class EvidenceFromBrokerTest {
    /** Reserved URI and config characters on purpose. */
    private static final String PASSWORD = "s3cr3t:p@ss/w%rd?&=x";
    private static NatsServerProcess server;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        server = NatsServerProcess.start("""
                accounts: {
                  BANK: {
                    jetstream: enabled
                    users: [ { user: "auditor", password: "%s" } ]
                  }
                }
                """.formatted(PASSWORD));
        try (JetStreamFixtures admin = new JetStreamFixtures(server.url(), "auditor", PASSWORD)) {
            admin.createStream("ledger", "ledger");
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                lines.add("{\"type\":\"" + (i % 3 == 0 ? "Withdrawal" : "Deposit") + "\",\"account\":\"A-" + (i % 4)
                        + "\",\"amount\":\"" + i + ".25\"}");
            }
            lines.add("not json with the word " + "secret");
            admin.publish(lines, List.of("ledger"), null);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noFileOfThePackHoldsThePasswordAndThePackVerifiesAgainstTheStream() throws Exception {
        Path passwordFile = tmp.resolve("pw");
        Files.writeString(passwordFile, PASSWORD + "\n");
        String source = "nats://auditor@" + server.hostPort() + "/ledger";
        Path pack = tmp.resolve("pack");
        Cli export = Cli.run("export", source, "--password-file", passwordFile.toString(), "--out", pack.toString(),
                "--cite", "2,41", "--signing-key-folder", tmp.resolve("keys").toString());
        assertThat(export.exit).as(export.err).isZero();
        assertThat(export.out + export.err).doesNotContain(PASSWORD);

        try (Stream<Path> files = Files.list(pack)) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString()).contains("events.jsonl", "state.json",
                    "manifest.json", "signature.json", "citations.json", "report.html", "verify.py");
            for (Path f : all) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.getFileName().toString()).doesNotContain(PASSWORD).doesNotContain("s3cr3t")
                        .doesNotContain("p@ss");
            }
        }
        JsonNode manifest = new ObjectMapper().readTree(pack.resolve("manifest.json").toFile());
        assertThat(manifest.get("source").get("name").asText()).isEqualTo(source);
        assertThat(manifest.get("source").get("coordinates").asText()).isEqualTo("SEQUENCE");
        assertThat(manifest.get("completeness").get("streams")).hasSize(1);

        Cli verify = Cli.run("verify-pack", pack.toString(), "--source", source, "--password-file",
                passwordFile.toString());
        assertThat(verify.exit).as(verify.out + verify.err).isZero();
        assertThat(verify.out).contains("source still holds the same 41 events");
        EvidencePackTest.Python py = EvidencePackTest.python(pack);
        assertThat(py.exit()).as(py.out()).isZero();

        try (JetStreamFixtures admin = new JetStreamFixtures(server.url(), "auditor", PASSWORD)) {
            admin.connection().jetStreamManagement().deleteMessage("ledger", 5);
        }
        Cli after = Cli.run("verify-pack", pack.toString(), "--source", source, "--password-file",
                passwordFile.toString());
        assertThat(after.exit).isEqualTo(3);
        assertThat(after.out).contains("DIFFERENT: events.jsonl line 5:").doesNotContain(PASSWORD);
    }
}
