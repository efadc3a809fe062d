package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log with IBANs and customer names under a projection that masks them: every output of every command is
 * searched for the raw values, which appear only with --reveal.
 */
class MaskingCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECRETS = List.of("DE89370400440532013000", "GB29NWBK60161331926819",
            "Ada Lovelace", "Grace Hopper");

    @TempDir
    static Path tmp;
    static Path log;
    static Path spec;
    static Path salt;
    static Path against;

    @BeforeAll
    static void files() throws Exception {
        log = tmp.resolve("customers.jsonl");
        Files.writeString(log, String.join("\n",
                line("acc-1", "Deposit", "100.10", SECRETS.get(0), SECRETS.get(2), "2024-03-01T10:00:00Z"),
                line("acc-2", "Deposit", "50", SECRETS.get(1), SECRETS.get(3), "2024-03-01T10:01:00Z"),
                line("acc-1", "Withdrawal", "300", SECRETS.get(0), SECRETS.get(2), "2024-03-01T10:02:00Z"),
                "{\"type\": \"Deposit\", \"account\": \"acc-2\", \"amount\": \"x\", \"data\": {\"iban\": \""
                        + SECRETS.get(1) + "\"}}",
                "not json at all " + SECRETS.get(3)) + "\n");
        spec = tmp.resolve("customers.json");
        Files.writeString(spec, """
                {"name": "customers",
                 "fields": {"type": "type", "entity": "account", "time": "timestamp", "amount": "amount",
                            "bankAccount": "/data/iban", "customerName": "/customer/name"},
                 "state": {"balance": "decimal", "owner": "text", "iban": "text"},
                 "rules": [
                   {"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"},
                                                    {"op": "set", "field": "customerName", "to": "owner"},
                                                    {"op": "set", "field": "bankAccount", "to": "iban"}]},
                   {"types": ["Withdrawal"], "apply": [{"op": "subtract", "field": "amount", "to": "balance"}]}],
                 "invariants": [{"name": "no-overdraft", "check": "balance >= 0 || owner == 'nobody'"}],
                 "mask": ["/data/iban", "/customer/name"]}""");
        salt = tmp.resolve("salt");
        against = tmp.resolve("against.csv");
        Files.writeString(against, "entity,owner,iban\nacc-1," + SECRETS.get(3) + ",x\nacc-9,y,z\n");
    }

    private static String line(String account, String type, String amount, String iban, String name, String ts) {
        return "{\"type\": \"" + type + "\", \"account\": \"" + account + "\", \"amount\": \"" + amount
                + "\", \"timestamp\": \"" + ts + "\", \"data\": {\"iban\": \"" + iban + "\", \"bic\": \"COBADEFFXXX\"},"
                + " \"customer\": {\"name\": \"" + name + "\", \"segment\": \"retail\"}}";
    }

    /** Every command and format that prints or writes something from the log, with the given extra flags. */
    private static String everyOutput(String... extra) throws Exception {
        StringBuilder all = new StringBuilder();
        List<String[]> runs = List.of(
                new String[] {"events"}, new String[] {"events", "--format", "csv"},
                new String[] {"events", "--changes"}, new String[] {"events", "--format", "csv", "--changes"},
                new String[] {"state"}, new String[] {"state", "--format", "json"},
                new String[] {"state", "--position", "2", "--format", "json"},
                new String[] {"verify"}, new String[] {"verify", "--format", "json"},
                new String[] {"explain", "--entity", "acc-1", "--field", "owner"},
                new String[] {"explain", "--entity", "acc-1", "--field", "owner", "--format", "json"},
                new String[] {"explain", "--entity", "acc-2", "--field", "iban", "--format", "csv"},
                new String[] {"explain", "--entity", "acc-1"},
                new String[] {"reconcile", "--against", against.toString()},
                new String[] {"reconcile", "--against", against.toString(), "--format", "json"});
        for (String[] run : runs) {
            List<String> args = new ArrayList<>(List.of(run[0], log.toString(), "--projection", spec.toString(),
                    "--mask-salt", salt.toString()));
            args.addAll(List.of(run).subList(1, run.length));
            args.addAll(List.of(extra));
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.err).as(String.join(" ", args)).doesNotContain("Exception");
            all.append(r.out).append(r.err);
        }
        Path pack = Files.createTempDirectory(tmp, "pack");
        Files.delete(pack);
        List<String> export = new ArrayList<>(List.of("export", log.toString(), "--projection", spec.toString(),
                "--mask-salt", salt.toString(), "--out", pack.toString(), "--cite", "1,2",
                "--signing-key-folder", tmp.resolve("keys").toString()));
        export.addAll(List.of(extra));
        Cli r = Cli.run(export.toArray(String[]::new));
        assertThat(r.exit).as(r.err).isZero();
        all.append(r.out).append(r.err);
        try (Stream<Path> files = Files.list(pack)) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        Cli check = Cli.run("verify-pack", pack.toString(), "--source", log.toString(), "--mask-salt", salt.toString());
        assertThat(check.out).as(check.out + check.err).contains("INTACT");
        return all.toString();
    }

    @Test
    void noOutputOfAnyCommandHoldsAMaskedValue() throws Exception {
        String all = everyOutput();
        for (String secret : SECRETS) {
            assertThat(all).doesNotContain(secret);
        }
        assertThat(all).contains("•••• (masked)").contains("sha256:");
        // what is not masked still shows, and balances are folded from the true amounts
        assertThat(all).contains("COBADEFFXXX").contains("retail").contains("-199.90");
    }

    @Test
    void revealPrintsTheValuesAndThePackSaysSo() throws Exception {
        String all = everyOutput("--reveal");
        for (String secret : SECRETS) {
            assertThat(all).contains(secret);
        }
        assertThat(all).contains("\"revealed\" : true");
    }

    @Test
    void verifyReportsEventTimesGoingBackwardsAndTakesTheClockSkewOption() throws Exception {
        Cli r = Cli.run("verify", log.toString(), "--projection", spec.toString(), "--mask-salt", salt.toString());
        assertThat(r.out).doesNotContain("Event time earlier");
        Path back = tmp.resolve("back.jsonl");
        Files.writeString(back, line("acc-1", "Deposit", "1", "x", "y", "2024-03-01T10:05:00Z") + "\n"
                + line("acc-1", "Deposit", "1", "x", "y", "2024-03-01T10:00:00Z") + "\n");
        Cli v = Cli.run("verify", back.toString(), "--clock-skew", "PT1M");
        assertThat(v.exit).isEqualTo(VerifyCommand.FINDINGS);
        assertThat(v.out).contains("Event time earlier than the event before: 1 event\n  at position 2\n");
        assertThat(Cli.run("verify", back.toString(), "--clock-skew", "soon").err)
                .contains("'soon' is not a positive ISO-8601 duration");
    }

    @Test
    void exportsHashEqualValuesEquallyWithTheSaltAsTheReadmeSays() throws Exception {
        Cli r = Cli.run("events", log.toString(), "--projection", spec.toString(), "--mask-salt", salt.toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out.split("\n")) {
            lines.add(JSON.readTree(l));
        }
        byte[] saltBytes = HexFormat.of().parseHex(Files.readString(salt).strip());
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(saltBytes);
        String expected = "sha256:" + HexFormat.of().formatHex(d.digest(SECRETS.get(0).getBytes(StandardCharsets.UTF_8)));
        assertThat(lines.get(0).get("bankAccount").asText()).isEqualTo(expected);
        assertThat(lines.get(2).get("bankAccount").asText()).isEqualTo(expected);
        assertThat(lines.get(1).get("bankAccount").asText()).isNotEqualTo(expected).startsWith("sha256:");
        assertThat(lines.get(0).get("amount").asText()).isEqualTo("100.10");
    }
}
