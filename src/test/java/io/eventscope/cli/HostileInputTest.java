package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-line files a hostile or careless user feeds the commands: each is flagged or answered in one sentence. */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        Path f = dir.resolve("h.jsonl");
        Files.write(f, List.of(lines));
        return f;
    }

    private static String deposit(String account, String amount) {
        return "{\"type\":\"Deposit\",\"account\":\"" + account + "\",\"amount\":" + amount + "}";
    }

    private static JsonNode state(Path f) throws Exception {
        Cli r = Cli.run("state", f.toString(), "--format", "json");
        assertThat(r.err).isEmpty();
        assertThat(r.exit).isZero();
        return JSON.readTree(r.out);
    }

    @Test
    void amountsBeyondAThousandDigitsAreFlaggedOutOfRangeAndSkipped() throws Exception {
        Path f = file(deposit("A", "1"), deposit("A", "1e999999999"), deposit("A", "1e-2147483647"),
                deposit("A", "1e99999999"), deposit("A", "\"1e99999999999999\""), deposit("A", "0e-5000"),
                deposit("A", "1" + "0".repeat(1000)));
        JsonNode s = state(f);
        assertThat(s.get("flagged").asInt()).isEqualTo(6);
        assertThat(s.at("/entities/A/balance").asText()).isEqualTo("1");
        Cli verify = Cli.run("verify", f.toString());
        assertThat(verify.exit).isEqualTo(3);
        assertThat(verify.out).contains("amount out of range").contains("6");
        Cli events = Cli.run("events", f.toString(), "--format", "csv");
        assertThat(events.exit).isZero();
        assertThat(events.out.length()).isLessThan(10_000);
    }

    @Test
    void fourHundredDigitAmountsStayExact() throws Exception {
        String big = "9".repeat(400);
        String fine = "0." + "0".repeat(398) + "1"; // 399 decimal places
        Path f = file(deposit("A", big), deposit("A", big), deposit("B", fine), deposit("B", "\"" + fine + "\""));
        JsonNode s = state(f);
        assertThat(s.get("flagged").asInt()).isZero();
        String twice = new BigInteger(big).multiply(BigInteger.TWO).toString();
        assertThat(s.at("/entities/A/balance").asText()).isEqualTo(twice);
        assertThat(s.at("/entities/B/balance").asText()).isEqualTo("0." + "0".repeat(398) + "2");
    }

    @Test
    void repeatedKeysFlagTheEventOnBothDecodingPaths() throws Exception {
        Path f = file("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1,\"amount\":2}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"account\":\"B\",\"amount\":5}",
                // a nested object sends the line to Jackson, which must flag the same
                "{\"type\":\"Deposit\",\"meta\":{\"x\":[1,{\"y\":2}]},\"type\":\"Withdrawal\",\"account\":\"A\",\"amount\":3}",
                deposit("A", "10"));
        JsonNode s = state(f);
        assertThat(s.get("flagged").asInt()).isEqualTo(3);
        assertThat(s.at("/entities/A/balance").asText()).isEqualTo("10");
        assertThat(Cli.run("verify", f.toString()).out).contains("repeated field").contains("appears more than once");
    }

    @Test
    void anAccountThatIsNotAnIdIsFlaggedNotSentToTheDefaultEntity() throws Exception {
        Path f = file("{\"type\":\"Deposit\",\"account\":\"\",\"amount\":1}",
                "{\"type\":\"Deposit\",\"account\":{\"id\":1},\"amount\":1}",
                "{\"type\":\"Deposit\",\"account\":[\"A\"],\"amount\":1}",
                "{\"type\":\"Deposit\",\"account\":true,\"amount\":1}",
                "{\"type\":\"Deposit\",\"account\":\"  \",\"amount\":1}",
                "{\"type\":\"Deposit\",\"account\":42,\"amount\":7}");
        JsonNode s = state(f);
        assertThat(s.get("flagged").asInt()).isEqualTo(5);
        assertThat(s.get("entities").size()).isEqualTo(1);
        assertThat(s.at("/entities/42/balance").asText()).isEqualTo("7");
        assertThat(Cli.run("verify", f.toString()).out).contains("unusable entity id").contains("not an entity id");
    }

    /** Characters a terminal obeys instead of showing; none may reach the output raw. */
    private static final String CONTROLS = "\u001b]0;pwned\u0007\u001b[2J\r\u0085\u009b\u2028\u202e\u2066\t\n";

    private static void assertNoControls(String out) {
        for (char c : out.toCharArray()) {
            assertThat(c == '\n' || !TerminalText.unsafe(c)).as("U+%04X in output", (int) c).isTrue();
        }
    }

    @Test
    void controlCharactersFromPayloadsAreEscapedInEveryTextOutput() throws Exception {
        String evil = JSON.writeValueAsString("ACC" + CONTROLS + "X");
        Path f = file("{\"type\":\"Deposit\",\"account\":" + evil + ",\"amount\":5,\"note\":" + evil + "}",
                "{\"type\":" + evil + ",\"account\":" + evil + "}",
                "{\"type\":\"Deposit\",\"account\":" + evil + ",\"amount\":" + evil + "}");
        Cli table = Cli.run("state", f.toString(), "--format", "table");
        assertNoControls(table.out);
        assertThat(table.out).contains("ACC\\u001b]0;pwned\\u0007");
        // the state table has a title, a header, the one entity and a count: the payload's line feed made no row
        assertThat(table.out.lines().count()).isEqualTo(4);
        Cli csv = Cli.run("events", f.toString(), "--format", "csv");
        assertNoControls(csv.out);
        assertThat(csv.out.lines().count()).isEqualTo(4);
        Cli verify = Cli.run("verify", f.toString());
        assertNoControls(verify.out);
        assertThat(verify.out).contains("\\u001b");
        Cli jsonl = Cli.run("events", f.toString());
        assertNoControls(jsonl.out);
        // JSON stays JSON with the same values: the escapes are JSON's own
        assertThat(JSON.readTree(jsonl.out.lines().findFirst().orElseThrow()).get("entity").asText())
                .isEqualTo("ACC" + CONTROLS + "X");
        Cli explain = Cli.run("explain", f.toString(), "--entity", "ACC" + CONTROLS + "X");
        assertNoControls(explain.out + explain.err);
    }

    @Test
    void absurdPositionsAndBudgetsGetOneSentenceThatSaysWhatIsWrong() throws Exception {
        Path f = file(deposit("A", "1"), deposit("A", "2"));
        Cli negative = Cli.run("state", f.toString(), "--position", "-1");
        assertThat(negative.exit).isEqualTo(1);
        assertThat(negative.err.strip()).contains("--position must be 0 or more").doesNotContain("beyond").hasLineCount(1);
        Cli huge = Cli.run("state", f.toString(), "--position", Long.toString(Long.MAX_VALUE));
        assertThat(huge.exit).isEqualTo(1);
        assertThat(huge.err).contains("is beyond the end").contains("has 2 positions").doesNotContain("int");
        Cli explain = Cli.run("explain", f.toString(), "--entity", "A", "--position", "-1");
        assertThat(explain.err).contains("--position must be 0 or more");
        // commands stream: only a timeline (the viewer's, events --follow's) has a budget
        var tiny = io.eventscope.load.TimelineLoad.under(io.eventscope.replay.ProjectionSpecReader.banking())
                .budgetBytes(io.eventscope.event.MemoryBudget.parse("1k")).read(f.toString());
        assertThat(tiny.stoppedEarly()).contains("budget of 1 KiB").doesNotContain("0 MiB");
    }

    @Test
    void aFileWithNoJsonObjectIsRefusedInOneSentence() throws Exception {
        Path binary = dir.resolve("program");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(binary, bytes);
        for (String command : new String[] {"state", "verify", "events"}) {
            Cli r = Cli.run(command, binary.toString());
            assertThat(r.exit).as(command).isEqualTo(1);
            assertThat(r.out).isEmpty();
            assertThat(r.err.strip()).hasLineCount(1).contains("is not a JSON Lines file").doesNotContain("Exception");
        }
        // one good line among bad ones: a log with bad lines, answered as before
        Path mixed = file("garbage", deposit("A", "1"));
        assertThat(Cli.run("state", mixed.toString()).exit).isZero();
    }
}
