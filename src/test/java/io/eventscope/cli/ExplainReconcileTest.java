package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain and reconcile on the bundled sample, checked against the state command and the raw log. */
class ExplainReconcileTest {
    private static final String SAMPLE = EvidencePackTest.SAMPLE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void explainListsEveryChangeWhoseRunningValueEndsAtTheStateCommandsValue() throws Exception {
        JsonNode state = JSON.readTree(Cli.run("state", SAMPLE, "--position", "12000", "--format", "json").out);
        String entity = busiest(state);
        Cli r = Cli.run("explain", SAMPLE, "--entity", entity, "--position", "12000", "--format", "json");
        assertThat(r.exit).as(r.err).isZero();
        JsonNode explain = JSON.readTree(r.out);
        assertThat(explain.get("entity").asText()).isEqualTo(entity);
        assertThat(explain.get("field").asText()).isEqualTo("balance");
        assertThat(explain.get("position").asInt()).isEqualTo(12000);
        String expected = state.get("entities").get(entity).get("balance").asText();
        assertThat(new BigDecimal(explain.get("value").asText())).isEqualByComparingTo(expected);

        List<String> log = Files.readAllLines(Path.of(SAMPLE));
        BigDecimal running = BigDecimal.ZERO;
        int last = 0;
        for (JsonNode e : explain.get("events")) {
            int p = e.get("position").asInt();
            assertThat(p).isGreaterThan(last).isLessThanOrEqualTo(12000);
            last = p;
            JsonNode raw = JSON.readTree(log.get(p - 1));
            JsonNode account = raw.has("account") ? raw.get("account")
                    : raw.has("accountNumber") ? raw.get("accountNumber") : raw.get("account_number");
            assertThat(account.asText()).isEqualTo(entity);
            assertThat(e.get("type").asText()).isEqualTo(raw.get("type").asText());
            BigDecimal amount = new BigDecimal(raw.get("amount").asText());
            BigDecimal effect = new BigDecimal(e.get("effect").asText());
            boolean debit = raw.get("type").asText().matches("(?i)withdrawal|fundswithdrawn");
            assertThat(effect).isEqualByComparingTo(debit ? amount.negate() : amount);
            running = running.add(effect);
            assertThat(new BigDecimal(e.get("value").asText())).isEqualByComparingTo(running);
        }
        assertThat(running).isEqualByComparingTo(expected);
        assertThat(explain.get("events").size()).isGreaterThan(3);
    }

    @Test
    void explainAtAnInstantAgreesWithStateAtThatInstantAndCsvHasOneRowPerEvent() throws Exception {
        String at = "2024-03-01T12:00:00Z";
        JsonNode state = JSON.readTree(Cli.run("state", SAMPLE, "--at", at, "--format", "json").out);
        String entity = busiest(state);
        JsonNode explain = JSON.readTree(Cli.run("explain", SAMPLE, "--entity", entity, "--at", at, "--format", "json").out);
        assertThat(new BigDecimal(explain.get("value").asText()))
                .isEqualByComparingTo(state.get("entities").get(entity).get("balance").asText());
        Cli csv = Cli.run("explain", SAMPLE, "--entity", entity, "--at", at, "--format", "csv");
        assertThat(csv.out.lines().count()).isEqualTo(explain.get("events").size() + 1L);
        assertThat(csv.out).startsWith("position,type,time,effect,value");
    }

    @Test
    void explainOfAnUnknownEntityOrFieldIsOneSentence() {
        Cli r = Cli.run("explain", SAMPLE, "--entity", "ACC-NOPE");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.strip()).contains("ACC-NOPE").doesNotContain("\n").doesNotContain("Exception");
        Cli f = Cli.run("explain", SAMPLE, "--entity", "ACC-00022", "--field", "colour");
        assertThat(f.err.strip()).isEqualTo("The projection banking has no state field colour (its fields: balance).");
    }

    @Test
    void reconcileComparesExactlyByValueAndListsEveryDifference() throws Exception {
        JsonNode state = JSON.readTree(Cli.run("state", SAMPLE, "--position", "8000", "--format", "json").out);
        List<String> rows = new ArrayList<>(List.of("entity,balance"));
        List<String> ids = new ArrayList<>();
        state.get("entities").fieldNames().forEachRemaining(ids::add);
        for (int i = 0; i < ids.size(); i++) {
            String balance = state.get("entities").get(ids.get(i)).get("balance").asText();
            if (i == 0) {
                continue; // only in the source
            }
            if (i == 1) {
                balance = new BigDecimal(balance).add(new BigDecimal("0.01")).toPlainString();
            } else if (balance.contains(".")) {
                balance = balance + "000"; // 1.50 equals 1.5
            }
            rows.add(i == 2 ? "\"" + ids.get(i) + "\"," + balance : ids.get(i) + "," + balance);
        }
        rows.add("ACC-GHOST,0");
        Path csv = tmp.resolve("ledger.csv");
        Files.write(csv, rows);
        Cli r = Cli.run("reconcile", SAMPLE, "--against", csv.toString(), "--position", "8000", "--format", "json");
        assertThat(r.exit).as(r.err).isEqualTo(3);
        JsonNode out = JSON.readTree(r.out);
        assertThat(out.get("matched").asInt()).isEqualTo(ids.size() - 2);
        assertThat(out.get("mismatches")).hasSize(1);
        JsonNode m = out.get("mismatches").get(0);
        assertThat(m.get("entity").asText()).isEqualTo(ids.get(1));
        assertThat(new BigDecimal(m.get("expected").asText()).subtract(new BigDecimal(m.get("replayed").asText())))
                .isEqualByComparingTo("0.01");
        assertThat(out.get("onlyInSource").toString()).isEqualTo("[\"" + ids.get(0) + "\"]");
        assertThat(out.get("onlyInFile").toString()).isEqualTo("[\"ACC-GHOST\"]");

        rows.remove(rows.size() - 1);
        rows.remove(1);
        rows.add(1, ids.get(0) + "," + state.get("entities").get(ids.get(0)).get("balance").asText());
        rows.add(ids.get(1) + "," + state.get("entities").get(ids.get(1)).get("balance").asText());
        Files.write(csv, rows);
        Cli clean = Cli.run("reconcile", SAMPLE, "--against", csv.toString(), "--position", "8000");
        assertThat(clean.exit).as(clean.out + clean.err).isZero();
        assertThat(clean.out).startsWith(ids.size() + " entities match; 0 field differences");
    }

    @Test
    void aCsvThatCannotBeUsedIsNamedWithItsLine() throws Exception {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "entity,balance,colour\nA,1,red\n");
        assertThat(Cli.run("reconcile", SAMPLE, "--against", csv.toString()).err.strip())
                .isEqualTo("bad.csv line 1: colour is not a state field of the projection (its fields: balance).");
        Files.writeString(csv, "entity,balance\nA,1\nB,2\nA,3\n");
        assertThat(Cli.run("reconcile", SAMPLE, "--against", csv.toString()).err.strip())
                .isEqualTo("bad.csv line 4: entity A is listed again (first on line 2).");
        Files.writeString(csv, "entity,balance\nA,1e999999999\n");
        Cli absurd = Cli.run("reconcile", SAMPLE, "--against", csv.toString(), "--format", "json");
        assertThat(absurd.exit).isEqualTo(3);
        assertThat(absurd.out).contains("\"onlyInFile\" : [ \"A\" ]");
    }

    /** A rule that sets a field to a constant ("status": "open") changes that field, and no other. */
    @Test
    void aConstantSetByARuleIsExplainedOnItsOwnFieldOnly() throws Exception {
        Path log = tmp.resolve("ce.jsonl");
        try (java.io.Writer w = Files.newBufferedWriter(log)) {
            new io.eventscope.demo.DemoLog(2000, 50, 1, io.eventscope.demo.DemoLog.Shape.CLOUDEVENTS).write(w);
        }
        List<String> lines = Files.readAllLines(log);
        JsonNode first = JSON.readTree(lines.get(0));
        String entity = first.get("data").get("account").asText();
        List<Integer> opened = new ArrayList<>();
        List<Integer> moneyMoved = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode e;
            try {
                e = JSON.readTree(lines.get(i));
            } catch (java.io.IOException notJson) {
                continue; // the demo log's deliberately broken lines are flagged, never applied
            }
            if (e != null && entityOf(e).equals(entity)) {
                String type = e.get("type").asText();
                if (type.equals("AccountOpened") || type.equals("AccountClosed")) {
                    opened.add(i + 1);
                } else if (isAmount(e.get("data").path("amount"))) {
                    moneyMoved.add(i + 1);
                }
            }
        }
        assertThat(opened).isNotEmpty();
        JsonNode status = JSON.readTree(Cli.run("explain", log.toString(), "--projection", "cloudevents", "--entity",
                entity, "--field", "status", "--format", "json").out);
        assertThat(positions(status)).isEqualTo(opened);
        assertThat(status.get("events").get(0).get("value").asText()).isEqualTo("open");
        JsonNode balance = JSON.readTree(Cli.run("explain", log.toString(), "--projection", "cloudevents", "--entity",
                entity, "--field", "balance", "--format", "json").out);
        assertThat(positions(balance)).isEqualTo(moneyMoved);
    }

    /** The account as the cloudevents projection names it: the first of its entity fields present. */
    private static String entityOf(JsonNode e) {
        for (String field : List.of("account", "accountNumber", "account_number")) {
            if (e.path("data").has(field)) {
                return e.path("data").get(field).asText();
            }
        }
        return e.path("subject").asText();
    }

    /** A number, or a string holding one (the banking projections read both). */
    private static boolean isAmount(JsonNode amount) {
        if (amount.isNumber()) {
            return true;
        }
        try {
            new BigDecimal(amount.asText());
            return amount.isTextual();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An operation whose condition does not hold did not run: explain does not list its event. */
    @Test
    void anOperationWhoseConditionFailedIsNotExplained() throws Exception {
        Path spec = tmp.resolve("large.json");
        Files.writeString(spec, """
                {"name": "large", "fields": {"type": "type", "entity": "account", "amount": "amount"},
                 "state": {"balance": "decimal", "large": "decimal"},
                 "rules": [{"types": ["Deposit"], "apply": [
                     {"op": "add", "field": "amount", "to": "balance"},
                     {"op": "add", "field": "amount", "to": "large", "when": "amount > 100"}]}]}
                """);
        Path log = tmp.resolve("deposits.jsonl");
        int[] amounts = {50, 150, 100, 101, 7, 500};
        StringBuilder lines = new StringBuilder();
        List<Integer> large = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            lines.append("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":").append(amounts[i]).append("}\n");
            if (amounts[i] > 100) {
                large.add(i + 1);
            }
        }
        Files.writeString(log, lines);
        JsonNode explained = JSON.readTree(Cli.run("explain", log.toString(), "--projection", spec.toString(),
                "--entity", "A", "--field", "large", "--format", "json").out);
        assertThat(positions(explained)).isEqualTo(large);
        assertThat(new BigDecimal(explained.get("value").asText())).isEqualByComparingTo("751");
        JsonNode balance = JSON.readTree(Cli.run("explain", log.toString(), "--projection", spec.toString(),
                "--entity", "A", "--field", "balance", "--format", "json").out);
        assertThat(balance.get("events")).hasSize(amounts.length);
    }

    private static List<Integer> positions(JsonNode explain) {
        List<Integer> out = new ArrayList<>();
        explain.get("events").forEach(e -> out.add(e.get("position").asInt()));
        return out;
    }

    private static String busiest(JsonNode state) {
        String best = null;
        int most = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = state.get("entities").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().get("events").asInt() > most) {
                most = e.getValue().get("events").asInt();
                best = e.getKey();
            }
        }
        return best;
    }
}
