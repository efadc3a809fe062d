package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.audit.AuditReport;
import io.eventscope.demo.DemoLog;
import io.eventscope.testing.ForkedCli;
import io.eventscope.testing.Loads;
import io.eventscope.testing.NaiveBankFold;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code state} and {@code verify} stream: on a log several times larger than a tight heap (a forked
 * JVM with -Xmx32m, where a timeline load stops at its memory budget) they answer exactly, at the end,
 * at a position and at an instant, as an independent naive fold of the same lines says.
 */
class StreamingCommandsTest {
    private static final int EVENTS = 250_000;

    @TempDir
    static Path dir;
    static Path big;
    static List<String> lines;

    @BeforeAll
    static void writeLog() throws Exception {
        big = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            new DemoLog(EVENTS, 5_000, 7).write(w);
        }
        lines = Files.readAllLines(big);
        assertThat(lines).hasSize(EVENTS);
        assertThat(Files.size(big)).isGreaterThan(30L << 20);
    }

    @Test
    void stateIsExactAtTheEndAtAPositionAndAtAnInstantOnATightHeap() throws Exception {
        ForkedCli end = fork("state", big.toString(), "--format", "json");
        assertThat(end.exit()).as(end.err()).isZero();
        assertThat(end.json().get("position").asInt()).isEqualTo(EVENTS);
        assertBalances(end.json(), NaiveBankFold.afterLines(lines, EVENTS));

        int cut = 134_567;
        ForkedCli position = fork("state", big.toString(), "--position", Integer.toString(cut), "--format", "json");
        assertThat(position.exit()).as(position.err()).isZero();
        assertThat(position.json().get("position").asInt()).isEqualTo(cut);
        assertBalances(position.json(), NaiveBankFold.afterLines(lines, cut));

        Instant at = timeOfALineNear(EVENTS * 3 / 5);
        ForkedCli instant = fork("state", big.toString(), "--at", at.toString(), "--format", "json");
        assertThat(instant.exit()).as(instant.err()).isZero();
        assertBalances(instant.json(), NaiveBankFold.atTime(lines, at));
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

    private static void assertBalances(JsonNode state, Map<String, BigDecimal> expected) {
        JsonNode entities = state.get("entities");
        assertThat(entities.size()).isEqualTo(expected.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = entities.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(new BigDecimal(e.getValue().get("balance").asText())).as(e.getKey())
                    .isEqualByComparingTo(expected.get(e.getKey()));
        }
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
