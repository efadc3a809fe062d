package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.demo.DemoLog;
import io.eventscope.testing.KafkaTestBroker;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a topic of a real in-process Kafka broker: a generated log produced to three
 * partitions reads back with the same answers as the file, by position and by time, and exports keep
 * each record's partition, offset, key and timestamp type.
 */
class KafkaTopicCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 4000;
    private static KafkaTestBroker broker;
    private static Path log;
    private static String topic;

    @BeforeAll
    static void produceALogToThreePartitions(@TempDir Path dir) throws Exception {
        broker = KafkaTestBroker.start();
        log = dir.resolve("bank.jsonl");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            new DemoLog(EVENTS, 40, 7).write(w);
        }
        topic = broker.uri("bank");
        Cli produced = Cli.run("produce", topic, "--file", log.toString(), "--partitions", "3", "--create",
                "--key-field", "account");
        assertThat(produced.err).isEmpty();
        assertThat(produced.out).contains("Wrote 4,000 messages").contains("3 partitions").contains("created");
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void balancesByPositionAreTheFilesAtSeveralCuts() throws Exception {
        for (int cut : List.of(1, 777, 2000, 3333, EVENTS)) {
            JsonNode fromFile = state(log.toString(), "--position", Integer.toString(cut));
            JsonNode fromTopic = state(topic, "--position", Integer.toString(cut));
            assertThat(fromTopic.get("position").asInt()).isEqualTo(cut);
            assertThat(fromTopic.get("entities")).as("balances after %d positions", cut)
                    .isEqualTo(fromFile.get("entities"));
            assertThat(fromTopic.get("flagged")).isEqualTo(fromFile.get("flagged"));
        }
    }

    @Test
    void balancesByTimeAreTheFilesAtSeveralInstants() throws Exception {
        List<String> lines = Files.readAllLines(log);
        for (int line : List.of(100, 1500, 3900)) {
            String at = JSON.readTree(lines.get(line)).path("timestamp").asText();
            assertThat(at).as("line %d has a time", line).isNotEmpty();
            JsonNode fromFile = state(log.toString(), "--at", at);
            JsonNode fromTopic = state(topic, "--at", at);
            assertThat(fromTopic.get("entities")).as("balances at %s", at).isEqualTo(fromFile.get("entities"));
        }
    }

    @Test
    void everyPartitionHoldsEventsAndExportsKeepKeyTimestampTypeAndOffset() throws Exception {
        Cli events = Cli.run("events", topic, "--format", "jsonl");
        assertThat(events.exit).isZero();
        String[] rows = events.out.split("\n");
        assertThat(rows).hasSize(EVENTS);
        Set<String> partitions = new HashSet<>();
        boolean keyed = false;
        for (String row : rows) {
            JsonNode e = JSON.readTree(row);
            partitions.add(e.path("source").path("partition").asText());
            assertThat(e.path("source").has("offset")).isTrue();
            assertThat(e.path("headers").path("kafka.timestamp-type").asText()).isEqualTo("CreateTime");
            String account = e.path("entity").asText();
            if (e.path("headers").has("kafka.key")) {
                keyed = true;
                assertThat(e.path("headers").path("kafka.key").asText()).isEqualTo(account);
            }
        }
        assertThat(partitions).containsExactlyInAnyOrder("bank-0", "bank-1", "bank-2");
        assertThat(keyed).isTrue();
    }

    @Test
    void verifyCountsTheSameFlaggedEventsAndNoGaps() {
        Cli fromFile = Cli.run("verify", log.toString());
        // The topic's records are stamped now, their payloads 2024: leave the clocks out of this comparison.
        Cli fromTopic = Cli.run("verify", topic, "--clock-skew", "P36500D");
        assertThat(fromTopic.exit).isEqualTo(fromFile.exit);
        assertThat(fromTopic.out).contains("Completeness: 0 missing").contains("stream bank-0: first sequence 0");
        assertThat(fromTopic.out.lines().filter(l -> l.startsWith("Result:")))
                .isEqualTo(fromFile.out.lines().filter(l -> l.startsWith("Result:")).toList());
    }

    @Test
    void lastNAcrossPartitionsIsTheLastNOfTheWholeTopic() throws Exception {
        JsonNode fromTopic = JSON.readTree(Cli.run("state", topic, "--last", "1", "--format", "json").out);
        Cli lastEvents = Cli.run("events", topic, "--last", "10", "--format", "jsonl");
        String[] rows = lastEvents.out.split("\n");
        assertThat(rows).hasSize(10);
        List<String> fileLines = Files.readAllLines(log);
        for (int k = 0; k < 10; k++) {
            JsonNode e = JSON.readTree(rows[k]);
            String expectedType = typeOf(fileLines.get(EVENTS - 10 + k));
            assertThat(e.path("type").isNull() ? null : e.path("type").asText()).isEqualTo(expectedType);
        }
        assertThat(fromTopic.get("position").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingTopicIsOneSentence() {
        long start = System.nanoTime();
        Cli missing = Cli.run("state", broker.uri("no-such-topic"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(missing.exit).isNotZero();
        assertThat(missing.err.strip()).startsWith("There is no topic no-such-topic at").contains("bank")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void benchMeasuresATopicLoadAgainstARawPollLoopAndDeletesItsTopic(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        Cli bench = Cli.run("bench", "--events", "2000", "--entities", "20", "--runs", "1", "--seeks", "20",
                "--skip-station", "--kafka", broker.bootstrap(), "--json", json.toString());
        assertThat(bench.exit).as(bench.out + bench.err).isZero();
        assertThat(bench.out).contains("topic load ÷ raw KafkaConsumer poll");
        JsonNode f = JSON.readTree(json.toFile());
        assertThat(f.get("topic_load_ratio").asDouble()).isPositive();
        assertThat(f.get("raw_poll_events_per_s").asDouble()).isPositive();
        try (var admin = broker.admin()) {
            // Deleting is complete on the controller before every broker's metadata says so: wait, bounded.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
            Set<String> names = admin.listTopics().names().get();
            while (names.stream().anyMatch(n -> n.startsWith("eventscope-bench-")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                names = admin.listTopics().names().get();
            }
            assertThat(names).noneMatch(n -> n.startsWith("eventscope-bench-"));
        }
    }

    private static String typeOf(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n != null && n.has("type") ? n.get("type").asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static JsonNode state(String source, String... window) throws Exception {
        String[] args = new String[3 + window.length + 2];
        args[0] = "state";
        args[1] = source;
        System.arraycopy(window, 0, args, 2, window.length);
        args[2 + window.length] = "--format";
        args[3 + window.length] = "json";
        args[4 + window.length] = "--debug";
        Cli c = Cli.run(args);
        assertThat(c.err).as("stderr of state %s", source).isEmpty();
        return JSON.readTree(c.out);
    }
}
