package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    @Test
    void stateJsonHasTheContractShapeWithExactBalancesAsStrings() throws Exception {
        Path f = file("seed.jsonl", "{\"type\":\"Deposit\",\"amount\":100}", "{\"type\":\"Withdrawal\",\"amount\":50}");
        Cli r = Cli.run("state", f.toString(), "--format", "json");
        assertThat(r.exit).isZero();
        JsonNode root = JSON.readTree(r.out);
        assertThat(root.get("source").asText()).isEqualTo(f.toString());
        assertThat(root.get("position").asInt()).isEqualTo(2);
        assertThat(root.get("time").isNull()).isTrue();
        assertThat(root.get("flagged").asInt()).isZero();
        assertThat(root.get("entities").get("seed").get("balance").isTextual()).isTrue();
        assertThat(root.get("entities").get("seed").get("balance").asText()).isEqualTo("50");
    }

    @Test
    void statePositionAndAtSelectTheMoment() throws Exception {
        Path f = file("l.jsonl",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":12345678901234567.89,\"timestamp\":\"2024-03-01T10:00:00Z\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":0.1,\"timestamp\":\"2024-03-01T11:00:00Z\"}",
                "oops",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1,\"timestamp\":\"2024-03-01T12:00:00Z\"}");
        JsonNode afterTwo = JSON.readTree(Cli.run("state", f.toString(), "--position", "2", "--format", "json").out);
        assertThat(afterTwo.at("/entities/A/balance").asText()).isEqualTo("12345678901234567.99");
        JsonNode atNoon = JSON.readTree(Cli.run("state", f.toString(), "--at", "2024-03-01T11:59:59Z",
                "--format", "json").out);
        assertThat(atNoon.get("position").asInt()).isEqualTo(3);
        assertThat(atNoon.get("flagged").asInt()).isEqualTo(1);
        assertThat(atNoon.get("time").asText()).isEqualTo("2024-03-01T11:59:59Z");
        assertThat(atNoon.at("/entities/A/balance").asText()).isEqualTo("12345678901234567.99");
    }

    @Test
    void stateTableIsAlignedAndReadable() throws Exception {
        Path f = file("t.jsonl",
                "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":1204.5,\"timestamp\":\"2024-03-01T09:41:12Z\"}",
                "{\"type\":\"Deposit\",\"account\":\"ACC-22\",\"amount\":7,\"timestamp\":\"2024-03-01T09:42:00Z\"}");
        Cli r = Cli.run("state", f.toString());
        List<String> lines = r.out.lines().toList();
        assertThat(lines.get(1)).startsWith("ENTITY").contains("BALANCE").contains("EVENTS").contains("LAST CHANGE");
        assertThat(lines.get(2)).contains("ACC-1").contains("1,204.5").contains("2024-03-01T09:41:12Z");
        int balanceEnd = lines.get(1).indexOf("BALANCE") + "BALANCE".length();
        assertThat(lines.get(2).indexOf("1,204.5") + "1,204.5".length()).isEqualTo(balanceEnd);
        assertThat(lines.get(3).indexOf("7") + 1).isEqualTo(balanceEnd);
    }

    @Test
    void eventsDumpsPositionsCoordinatesAndFlagsAsJsonLinesAndCsv() throws Exception {
        Path f = file("e.jsonl", "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"1.50\"}", "broken",
                "{\"type\":\"Note\",\"account\":\"B, Inc\"}");
        Cli r = Cli.run("events", f.toString(), "--from", "2", "--limit", "2");
        List<String> lines = r.out.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode second = JSON.readTree(lines.get(0));
        assertThat(second.get("position").asInt()).isEqualTo(2);
        assertThat(second.at("/source/line").asInt()).isEqualTo(2);
        assertThat(second.at("/flags/0/kind").asText()).isEqualTo("NOT_JSON");
        assertThat(JSON.readTree(lines.get(1)).get("entity").asText()).isEqualTo("B, Inc");

        List<String> csv = Cli.run("events", f.toString(), "--format", "csv").out.lines().toList();
        assertThat(csv.get(0)).isEqualTo("position,source,broker_time,event_time,type,entity,amount,flags");
        assertThat(csv.get(1)).isEqualTo("1,line 1,,,Deposit,A,1.50,");
        assertThat(csv.get(2)).startsWith("2,line 2,,,,e,,not JSON");
        assertThat(csv.get(3)).contains("\"B, Inc\"");
    }

    @Test
    void verifyGroupsFindingsByReasonAndExitsThree() throws Exception {
        Path f = file("v.jsonl", "{\"type\":\"Deposit\",\"amount\":1}", "nope", "{\"type\":\"Deposit\"}", "also nope");
        Cli r = Cli.run("verify", f.toString());
        assertThat(r.exit).isEqualTo(3);
        assertThat(r.out).contains("3 flagged").contains("not JSON: 2 events").contains("position 2 (line 2)")
                .contains("position 4 (line 4)").contains("missing required field: 1 event");
        Path clean = file("c.jsonl", "{\"type\":\"Deposit\",\"amount\":1}");
        Cli ok = Cli.run("verify", clean.toString());
        assertThat(ok.exit).isZero();
        assertThat(ok.out).contains("clean");
    }

    @Test
    void userErrorsAreOneSentenceOnStderrWithoutStackTrace() throws Exception {
        Path f = file("ok.jsonl", "{\"type\":\"Deposit\",\"amount\":1}");
        assertOneSentence(Cli.run("state", dir.resolve("missing.jsonl").toString()), "does not exist");
        assertOneSentence(Cli.run("state", f.toString(), "--bogus"), "Unknown option");
        assertOneSentence(Cli.run("state", f.toString(), "--position", "5"), "beyond the end");
        assertOneSentence(Cli.run("state", f.toString(), "--at", "noon"), "not an instant");
        assertOneSentence(Cli.run("events", f.toString(), "--from", "9"), "beyond the end");
        assertOneSentence(Cli.run("state", f.toString(), "--projection", dir.resolve("nope.json").toString()),
                "does not exist");
        assertOneSentence(Cli.run("state", "pulsar://localhost/topic"), "not supported");
        Files.writeString(dir.resolve("secret.jsonl"), "{}");
        dir.resolve("secret.jsonl").toFile().setReadable(false);
        if (!dir.resolve("secret.jsonl").toFile().canRead()) { // root can read anything
            assertOneSentence(Cli.run("state", dir.resolve("secret.jsonl").toString()), "cannot be read");
        }
    }

    @Test
    void debugShowsTheStackTraceOfUnexpectedErrorsOnly() throws Exception {
        Path f = file("ok.jsonl", "{\"type\":\"Deposit\",\"amount\":1}");
        Cli r = Cli.run("state", f.toString(), "--position", "5", "--debug");
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("beyond the end");
    }

    private static void assertOneSentence(Cli r, String contains) {
        assertThat(r.exit).as(r.err).isNotZero();
        assertThat(r.err).contains(contains);
        assertThat(r.err.strip().lines()).as(r.err).hasSize(1);
        assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
