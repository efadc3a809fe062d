package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several state fields, conditions and invariants as `state`, `events`, `verify` and `projections` print them. */
class ProjectionCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path cloudEvents() throws Exception {
        String ce = "{\"specversion\":\"1.0\",\"type\":\"%s\",\"time\":\"2024-03-01T10:0%d:00Z\",\"subject\":\"%s\","
                + "\"data\":{%s}}";
        Path f = dir.resolve("ce.jsonl");
        Files.write(f, List.of(
                ce.formatted("AccountOpened", 0, "ACC-1", ""),
                ce.formatted("Deposit", 1, "ACC-1", "\"amount\":\"123456789012345678901234567890.10\""),
                ce.formatted("Withdrawal", 2, "ACC-1", "\"account\":\"ACC-1\",\"amount\":123456789012345678901234567890.2"),
                ce.formatted("AccountClosed", 3, "ACC-1", ""),
                ce.formatted("Deposit", 4, "ACC-1", "\"amount\":0.1")));
        return f;
    }

    @Test
    void stateJsonPrintsEveryFieldOfEveryEntityAsAString() throws Exception {
        Cli r = Cli.run("state", cloudEvents().toString(), "--projection", "cloudevents", "--format", "json");
        assertThat(r.exit).as(r.err).isZero();
        JsonNode acc = JSON.readTree(r.out).get("entities").get("ACC-1");
        assertThat(acc.get("balance").asText()).isEqualTo("0.00");
        assertThat(acc.get("deposited").asText()).isEqualTo("123456789012345678901234567890.20");
        assertThat(acc.get("status").asText()).isEqualTo("closed");

        Cli table = Cli.run("state", cloudEvents().toString(), "--projection", "cloudevents");
        assertThat(table.out).contains("BALANCE", "DEPOSITED", "STATUS", "123,456,789,012,345,678,901,234,567,890.20");
    }

    @Test
    void verifyJsonListsInvariantViolationsWithTheirValuesAndExitsThree() throws Exception {
        Cli r = Cli.run("verify", cloudEvents().toString(), "--projection", "cloudevents", "--format", "json");
        assertThat(r.exit).isEqualTo(VerifyCommand.FINDINGS);
        JsonNode root = JSON.readTree(r.out);
        assertThat(root.get("positions").asInt()).isEqualTo(5);
        assertThat(root.get("flagged").asInt()).isZero();
        assertThat(root.get("complete").asBoolean()).isTrue();
        JsonNode findings = root.get("findings");
        assertThat(findings).hasSize(3); // the account stays overdrawn at position 4, then is refilled at 5
        assertThat(findings.get(0).get("kind").asText()).isEqualTo("invariant");
        assertThat(findings.get(0).get("position").asInt()).isEqualTo(3);
        assertThat(findings.get(0).get("invariant").asText()).isEqualTo("no-overdraft");
        assertThat(findings.get(0).get("values").get("balance").asText()).isEqualTo("-0.10");
        assertThat(findings.get(1).get("position").asInt()).isEqualTo(4);
        assertThat(findings.get(2).get("position").asInt()).isEqualTo(5);
        assertThat(findings.get(2).get("invariant").asText()).isEqualTo("no activity when closed");
        assertThat(findings.get(2).get("values").get("status").asText()).isEqualTo("closed");
        assertThat(findings.get(2).get("values").get("type").asText()).isEqualTo("Deposit");

        Cli text = Cli.run("verify", cloudEvents().toString(), "--projection", "cloudevents");
        assertThat(text.exit).isEqualTo(VerifyCommand.FINDINGS);
        assertThat(text.out).contains("Invariant no-overdraft: 2 violations", "position 3 (ACC-1): balance = -0.10",
                "Invariant no activity when closed: 1 violation");
    }

    @Test
    void verifyOfACleanLogIsCleanInJsonToo() throws Exception {
        Path f = dir.resolve("ok.jsonl");
        Files.write(f, List.of("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}"));
        Cli r = Cli.run("verify", f.toString(), "--format", "json");
        assertThat(r.exit).isZero();
        assertThat(JSON.readTree(r.out).get("findings")).isEmpty();
    }

    @Test
    void eventsShowsEveryStateFieldsChangeForAProjectionWithSeveral() throws Exception {
        Cli r = Cli.run("events", cloudEvents().toString(), "--projection", "cloudevents");
        assertThat(r.exit).as(r.err).isZero();
        JsonNode second = JSON.readTree(r.out.lines().toList().get(1));
        assertThat(second.get("changes").get("balance").get("before").asText()).isEqualTo("0");
        assertThat(second.get("changes").get("balance").get("after").asText())
                .isEqualTo("123456789012345678901234567890.10");
        assertThat(second.get("changes").get("status").get("before").asText()).isEqualTo("open");

        Cli banking = Cli.run("events", cloudEvents().toString());
        assertThat(banking.out).doesNotContain("\"changes\"");
        Cli csv = Cli.run("events", cloudEvents().toString(), "--changes", "--format", "csv", "--from", "3");
        assertThat(csv.out.lines().findFirst().orElseThrow()).contains("balance_before,balance_after,flags");
        assertThat(csv.out.lines().toList().get(1)).contains(",123456789012345678901234567890.10,-0.10,");
    }

    @Test
    void projectionsListsTheBundledOnesAndAnUnknownNameIsOneSentence() {
        Cli r = Cli.run("projections");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("banking (default)", "cloudevents", "invariants: no-overdraft");
        Cli bad = Cli.run("state", "assets/samples/bank-demo.jsonl", "--projection", "no-such.json");
        assertThat(bad.exit).isNotZero();
        assertThat(bad.err.strip()).contains("no-such.json does not exist").doesNotContain("Exception").hasLineCount(1);
    }
}
