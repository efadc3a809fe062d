package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.audit.AuditReport;
import io.eventscope.testing.ForkedCli;
import io.eventscope.testing.Loads;
import io.eventscope.testing.NaiveBankFold;
import io.eventscope.testing.TightHeapLog;
import io.eventscope.testing.StateBalances;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code state}, {@code verify}, {@code explain}, {@code reconcile} and {@code export} stream: on a log
 * several times larger than a tight heap (a forked JVM with -Xmx32m, where a timeline load stops at its
 * memory budget) they answer exactly, at the end, at a position and at an instant, as an independent naive
 * fold of the same lines says; a streamed evidence pack holds every line to its cut and passes verify-pack.
 */
class StreamingCommandsTest {
    private static final int EVENTS = TightHeapLog.EVENTS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path big;
    static List<String> lines;

    @BeforeAll
    static void writeLog() throws Exception {
        TightHeapLog log = TightHeapLog.writeIn(dir);
        big = log.file();
        lines = log.lines();
        assertThat(lines).hasSize(EVENTS);
    }

    @Test
    void stateIsExactAtTheEndAtAPositionAndAtAnInstantOnATightHeap() throws Exception {
        ForkedCli end = fork("state", big.toString(), "--format", "json");
        assertThat(end.exit()).as(end.err()).isZero();
        assertThat(end.json().get("position").asInt()).isEqualTo(EVENTS);
        StateBalances.assertBalances(end.json(), NaiveBankFold.afterLines(lines, EVENTS));

        int cut = 134_567;
        ForkedCli position = fork("state", big.toString(), "--position", Integer.toString(cut), "--format", "json");
        assertThat(position.exit()).as(position.err()).isZero();
        assertThat(position.json().get("position").asInt()).isEqualTo(cut);
        StateBalances.assertBalances(position.json(), NaiveBankFold.afterLines(lines, cut));

        Instant at = timeOfALineNear(EVENTS * 3 / 5);
        ForkedCli instant = fork("state", big.toString(), "--at", at.toString(), "--format", "json");
        assertThat(instant.exit()).as(instant.err()).isZero();
        StateBalances.assertBalances(instant.json(), NaiveBankFold.atTime(lines, at));
    }

    @Test
    void verifyReadsToTheEndOnATightHeapAndAgreesWithTheTimelineAudit() throws Exception {
        ForkedCli verify = fork("verify", big.toString());
        assertThat(verify.exit()).as(verify.err()).isEqualTo(VerifyCommand.FINDINGS);
        assertThat(verify.out()).contains(String.format("%,d positions", EVENTS)).doesNotContain("Incomplete");
        AuditReport timeline = AuditReport.of(Loads.read(big.toString()));
        // On 32 MiB the event-id table stops part way (it may take a sixth of the budget): the one finding
        // more is that caveat; everything flagged is the same.
        assertThat(verify.out()).contains(String.format("Result: %,d findings. ", timeline.findingCount() + 1))
                .contains(timeline.verdict().substring(timeline.verdict().indexOf(". ") + 2))
                .containsPattern("The source: event ids from position [0-9,]+ on were not checked for repeats");
    }

    @Test
    void explainListsEveryChangeOfOneEntityOnATightHeap() throws Exception {
        int cut = 201_234;
        Map<String, BigDecimal> balances = NaiveBankFold.afterLines(lines, cut);
        String entity = balances.keySet().stream().sorted().skip(17).findFirst().orElseThrow();
        ForkedCli explain = fork("explain", big.toString(), "--entity", entity, "--position", Integer.toString(cut),
                "--format", "json");
        assertThat(explain.exit()).as(explain.err()).isZero();
        JsonNode json = explain.json();
        assertThat(json.get("position").asInt()).isEqualTo(cut);
        assertThat(new BigDecimal(json.get("value").asText())).isEqualByComparingTo(balances.get(entity));
        List<Integer> positions = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (JsonNode step : json.get("events")) {
            positions.add(step.get("position").asInt());
            running = running.add(new BigDecimal(step.get("effect").asText()));
            assertThat(new BigDecimal(step.get("value").asText())).isEqualByComparingTo(running);
        }
        assertThat(positions).isEqualTo(NaiveBankFold.changesOf(lines, cut, entity));
        assertThat(running).isEqualByComparingTo(balances.get(entity));
    }

    @Test
    void reconcileFindsExactlyTheAlteredAndTheMissingEntityOnATightHeap() throws Exception {
        int cut = 187_001;
        Map<String, BigDecimal> balances = NaiveBankFold.afterLines(lines, cut);
        List<String> entities = balances.keySet().stream().sorted().toList();
        String altered = entities.get(11);
        String missing = entities.get(42);
        StringBuilder csv = new StringBuilder("entity,balance\n");
        for (String e : entities) {
            BigDecimal b = balances.get(e);
            if (!e.equals(missing)) {
                csv.append(e).append(',').append(e.equals(altered) ? b.add(new BigDecimal("0.01")) : b).append('\n');
            }
        }
        Path against = dir.resolve("against.csv");
        Files.writeString(against, csv);
        ForkedCli r = fork("reconcile", big.toString(), "--against", against.toString(), "--position",
                Integer.toString(cut), "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(VerifyCommand.FINDINGS);
        JsonNode json = r.json();
        assertThat(json.get("matched").asInt()).isEqualTo(entities.size() - 2);
        assertThat(json.get("mismatches")).hasSize(1);
        assertThat(json.get("mismatches").get(0).get("entity").asText()).isEqualTo(altered);
        assertThat(json.get("onlyInSource").get(0).asText()).isEqualTo(missing);
        assertThat(json.get("onlyInFile")).isEmpty();
    }

    @Test
    void exportWritesAPackOfEveryEventToTheCutOnATightHeapThatVerifyPackPasses() throws Exception {
        int cut = 80_003; // events.jsonl stops here, though the whole log is read (once) for the audit
        Path pack = dir.resolve("pack");
        // 48 MiB: the pack's writer adds two 1 MiB line batches and a hashing thread to the burst; a timeline
        // load of this log would still stop at its budget (60% of the heap, less than the log's size)
        ForkedCli export = ForkedCli.run(dir, "48m", "export", big.toString(), "--position", Integer.toString(cut), "--out", pack.toString(),
                "--cite", "1,40000," + cut, "--signing-key-folder", dir.resolve("key").toString());
        assertThat(export.exit()).as(export.err()).isZero();
        try (BufferedReader events = Files.newBufferedReader(pack.resolve("events.jsonl"))) {
            int p = 0;
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                p++;
                JsonNode e = JSON.readTree(line);
                assertThat(e.get("position").asInt()).isEqualTo(p);
                String payload = e.has("payload") ? e.get("payload").asText() : new String(java.util.Base64.getDecoder()
                        .decode(e.get("payloadBase64").asText()), StandardCharsets.UTF_8);
                assertThat(payload).as("line " + p).isEqualTo(lines.get(p - 1));
            }
            assertThat(p).isEqualTo(cut);
        }
        StateBalances.assertBalances(JSON.readTree(pack.resolve("state.json").toFile()), NaiveBankFold.afterLines(lines, cut));
        ForkedCli check = ForkedCli.run(dir, "1g", "verify-pack", pack.toString());
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("INTACT");
    }


    /** The event time of the first line at or after {@code index} that states one as ISO text. */
    private static Instant timeOfALineNear(int index) throws Exception {
        for (int i = index; ; i++) {
            String line = lines.get(i);
            int k = line.indexOf("\"timestamp\":\"");
            if (k >= 0) {
                return Instant.parse(line.substring(k + 13, line.indexOf('"', k + 13)));
            }
        }
    }

    /** Runs the command line in a JVM with a 32 MiB heap. */
    private static ForkedCli fork(String... args) throws Exception {
        return ForkedCli.run(dir, "32m", args);
    }
}
