package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.testing.JetStreamFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for a flagged event without an event time of its own, from a file and from a broker: it takes the
 * time of the event before it, never its broker time (which for a log published today lies years after its
 * events), so both sources count it at the same instants.
 */
class FlaggedTimeRuleTest {
    private static final List<String> LINES = List.of(
            "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"10\",\"ts\":\"2024-03-01T10:00:00Z\"}",
            "not json at all",
            "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"20\",\"ts\":\"2024-03-01T10:00:02Z\"}",
            "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"40\",\"ts\":\"2024-03-01T12:00:00Z\"}",
            "{\"type\":\"Deposit\",\"account\":\"B\"}");

    @TempDir
    Path dir;

    @Test
    void aFileAndAStreamOfTheSameLinesCountTheSameFlaggedEventsAtAnInstant() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Files.writeString(file, String.join("\n", LINES) + "\n");
        try (NatsServerProcess server = NatsServerProcess.start();
             JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.createStream("ledger", "ledger.events");
            broker.publish(LINES, List.of("ledger.events"), null);
            String stream = "nats://" + server.hostPort() + "/ledger";
            // At 11:00 the not-JSON line (between two events of 10:00) has happened; the event of 12:00 and the
            // flagged line after it have not.
            for (String source : List.of(file.toString(), stream)) {
                JsonNode at11 = state(source, "--at", "2024-03-01T11:00:00Z");
                assertThat(at11.get("flagged").asInt()).as(source).isEqualTo(1);
                assertThat(at11.get("entities").get("A").get("balance").asText()).as(source).isEqualTo("30");
                JsonNode at13 = state(source, "--at", "2024-03-01T13:00:00Z");
                assertThat(at13.get("flagged").asInt()).as(source).isEqualTo(2);
                assertThat(at13.get("entities").get("A").get("balance").asText()).as(source).isEqualTo("70");
            }
        }
    }

    private static JsonNode state(String source, String... cut) throws Exception {
        String[] args = new String[3 + cut.length];
        args[0] = "state";
        args[1] = source;
        args[2] = "--format=json";
        System.arraycopy(cut, 0, args, 3, cut.length);
        BrokerCommandsTest.Run run = BrokerCommandsTest.run(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }
}
