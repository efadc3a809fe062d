package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.demo.DemoLog;
import io.eventscope.testing.JetStreamFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line against a real broker: produce, then state/events/verify give the file's answers. */
class BrokerCommandsTest {
    private static NatsServerProcess server;
    private static Path demo;

    @TempDir
    static Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = EventscopeCommand.commandLine(false);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void start() throws Exception {
        server = NatsServerProcess.start();
        demo = dir.resolve("demo.jsonl");
        StringWriter w = new StringWriter();
        new DemoLog(4_000, 50, 3).write(w);
        Files.writeString(demo, w.toString());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String station(String name) {
        return "memphis://" + server.hostPort() + "/" + name;
    }

    private static JsonNode entities(String json) throws Exception {
        return new ObjectMapper().readTree(json).get("entities");
    }

    @Test
    void produceRefusesToCreateAStationUnlessAsked() {
        Run refused = run("produce", station("Not.Yet"), "--file", demo.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("There is no station not.yet at " + server.hostPort()
                + "; add --create to create it (with --partitions P).");
        try (JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            assertThat(broker.jsm().getStreamNames()).noneMatch(n -> n.startsWith("not#yet"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aProducedPartitionedStationGivesTheSameStateAsTheFile() throws Exception {
        Run produced = run("produce", station("Bank.Ledger"), "--file", demo.toString(), "--partitions", "3",
                "--create");
        assertThat(produced.exit()).as(produced.err()).isZero();
        assertThat(produced.out()).contains("Wrote 4,000 messages").contains("bank#ledger$1, bank#ledger$2, bank#ledger$3");
        try (JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            // round-robin: 4000 over 3 partitions
            assertThat(broker.messageCount("bank#ledger$1")).isEqualTo(1334);
            assertThat(broker.messageCount("bank#ledger$2")).isEqualTo(1333);
            assertThat(broker.messageCount("bank#ledger$3")).isEqualTo(1333);
        }
        Run fromStation = run("state", station("bank.ledger"), "--format", "json");
        Run fromFile = run("state", demo.toString(), "--format", "json");
        assertThat(fromStation.exit()).as(fromStation.err()).isZero();
        assertThat(entities(fromStation.out())).isEqualTo(entities(fromFile.out()));

        Run verify = run("verify", station("bank.ledger"));
        Run verifyFile = run("verify", demo.toString());
        assertThat(verify.out()).contains("Completeness: 0 missing sequences").contains("stream bank#ledger$2");
        assertThat(verify.exit()).isEqualTo(verifyFile.exit());

        Run events = run("events", station("bank.ledger"), "--limit", "1");
        JsonNode first = new ObjectMapper().readTree(events.out());
        assertThat(first.get("producer").asText()).isEqualTo("eventscope");
        assertThat(first.get("messageId").asText()).endsWith("-1");
        assertThat(first.get("connectionId").asText()).isNotEmpty();
        assertThat(first.get("source").get("partition").asText()).isEqualTo("bank#ledger$1");
    }

    @Test
    void produceIntoAPlainStreamCreatesItOnlyWhenAskedAndReadsBackLikeTheFile() throws Exception {
        String uri = "nats://" + server.hostPort() + "/plain";
        Run refused = run("produce", uri, "--file", demo.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("no stream plain").contains("--create");
        Run partitions = run("produce", uri, "--file", demo.toString(), "--partitions", "2", "--create");
        assertThat(partitions.exit()).isEqualTo(1);
        assertThat(partitions.err()).contains("Memphis stations only");
        Run produced = run("produce", uri, "--file", demo.toString(), "--create");
        assertThat(produced.exit()).as(produced.err()).isZero();
        try (JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            assertThat(broker.messageCount("plain")).isEqualTo(4_000);
        }
        assertThat(entities(run("state", uri, "--format", "json").out()))
                .isEqualTo(entities(run("state", demo.toString(), "--format", "json").out()));
    }

    @Test
    void verifyReportsGapsAsFindings() throws Exception {
        try (JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.createStream("clean", "clean");
            broker.publish(List.of("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}",
                    "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":2}",
                    "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":3}"), List.of("clean"), null);
            String uri = "nats://" + server.hostPort() + "/clean";
            Run clean = run("verify", uri);
            assertThat(clean.exit()).as(clean.out()).isZero();
            assertThat(clean.out()).contains("Result: clean");
            broker.jsm().deleteMessage("clean", 2);
            Run gap = run("verify", uri);
            assertThat(gap.exit()).isEqualTo(VerifyCommand.FINDINGS);
            assertThat(gap.out()).contains("Completeness: 1 missing sequence").contains("gap: sequence 2 (1 missing)")
                    .contains("1 gap in the stream sequences");
        }
    }

    @Test
    void windowsAndFollowOnTheCommandLine() throws Exception {
        try (JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.createStream("tailme", "tailme");
            broker.publish(List.of("{\"type\":\"Deposit\",\"account\":\"F\",\"amount\":1}",
                    "{\"type\":\"Deposit\",\"account\":\"F\",\"amount\":2}"), List.of("tailme"), null);
            String uri = "nats://" + server.hostPort() + "/tailme";
            Run last = run("events", uri, "--last", "1");
            assertThat(last.out().lines().toList()).hasSize(1).first().asString().contains("\"seq\":2");
            Run from = run("state", uri, "--from-position", "2", "--format", "json");
            assertThat(entities(from.out()).get("F").get("balance").asText()).isEqualTo("2");

            Thread producer = new Thread(() -> {
                try {
                    Thread.sleep(1_000);
                    broker.publish(List.of("{\"type\":\"Deposit\",\"account\":\"F\",\"amount\":3}"), List.of("tailme"), null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producer.start();
            Run followed = run("events", uri, "--follow", "--follow-for", "3");
            producer.join();
            assertThat(followed.exit()).as(followed.err()).isZero();
            assertThat(followed.out().lines().toList()).hasSize(3);
            assertThat(followed.out().lines().toList().get(2)).contains("\"seq\":3").contains("\"amount\":\"3\"");
        }
    }

    @Test
    void passwordsComeFromAFileOrTheEnvironmentAndUnknownSchemesAreRefused() throws Exception {
        Path missing = dir.resolve("no-such-password");
        Run noFile = run("state", "nats://u@" + server.hostPort() + "/x", "--password-file", missing.toString());
        assertThat(noFile.exit()).isEqualTo(1);
        assertThat(noFile.err()).contains("password file").doesNotContain("Exception");
        Run kafkaNoFile = run("state", "kafka://u@localhost/topic", "--password-file", missing.toString());
        assertThat(kafkaNoFile.exit()).isEqualTo(1);
        assertThat(kafkaNoFile.err()).contains("password file").doesNotContain("Exception");
        Run pulsar = run("state", "pulsar://localhost/topic");
        assertThat(pulsar.exit()).isEqualTo(1);
        assertThat(pulsar.err().strip()).contains("not supported").doesNotContain("\n");
    }
}
