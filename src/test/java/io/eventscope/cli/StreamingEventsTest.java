package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.testing.ForkedCli;
import io.eventscope.testing.NaiveBankFold;
import io.eventscope.testing.TightHeapLog;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code events} streams: on a log several times larger than a tight heap (a forked JVM with -Xmx32m,
 * where a timeline load stops at its memory budget) it prints every event, in order, with balances
 * before and after each that an independent naive fold of the same lines agrees with, and a window far
 * into the log starts from the balances of everything before it.
 */
class StreamingEventsTest {
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
    }

    @Test
    void everyEventIsPrintedWithBalancesThatAgreeWithANaiveFoldOnATightHeap() throws Exception {
        ForkedCli events = ForkedCli.run(dir, "32m", "events", big.toString(), "--changes");
        assertThat(events.exit()).as(events.err()).isZero();
        assertThat(events.err()).isEmpty();
        int midway = 123_457;
        Map<String, BigDecimal> balances = new HashMap<>();
        int p = 0;
        for (String line : (Iterable<String>) events.out().lines()::iterator) {
            p++;
            JsonNode row = JSON.readTree(line);
            assertThat(row.get("position").asInt()).isEqualTo(p);
            assertThat(row.get("source").get("line").asInt()).isEqualTo(p);
            String entity = row.get("entity").asText();
            BigDecimal before = new BigDecimal(row.get("changes").get("balance").get("before").asText());
            BigDecimal after = new BigDecimal(row.get("changes").get("balance").get("after").asText());
            // each row starts from where the entity's previous row left it
            assertThat(before).as("position " + p).isEqualByComparingTo(balances.getOrDefault(entity, BigDecimal.ZERO));
            if (!row.get("flags").isEmpty()) {
                assertThat(after).as("a flagged event changes nothing, position " + p).isEqualByComparingTo(before);
            }
            balances.put(entity, after);
            if (p == midway) {
                assertSameBalances(balances, NaiveBankFold.afterLines(lines, midway));
            }
        }
        assertThat(p).isEqualTo(EVENTS);
        assertSameBalances(balances, NaiveBankFold.afterLines(lines, EVENTS));
    }

    @Test
    void aWindowFarIntoTheLogStartsFromTheBalancesOfEverythingBeforeIt() throws Exception {
        int from = 200_001;
        ForkedCli events = ForkedCli.run(dir, "32m", "events", big.toString(), "--changes", "--from",
                Integer.toString(from), "--limit", "40");
        assertThat(events.exit()).as(events.err()).isZero();
        List<String> rows = events.out().lines().toList();
        assertThat(rows).hasSize(40);
        Map<String, BigDecimal> before = NaiveBankFold.afterLines(lines, from - 1);
        for (int k = 0; k < rows.size(); k++) {
            JsonNode row = JSON.readTree(rows.get(k));
            int position = from + k;
            assertThat(row.get("position").asInt()).isEqualTo(position);
            String entity = row.get("entity").asText();
            if (!row.get("flags").isEmpty()) {
                continue; // a flagged line may name no account the naive fold knows
            }
            Map<String, BigDecimal> after = NaiveBankFold.afterLines(lines, position);
            assertThat(new BigDecimal(row.get("changes").get("balance").get("before").asText())).as("position " + position)
                    .isEqualByComparingTo(before.getOrDefault(entity, BigDecimal.ZERO));
            assertThat(new BigDecimal(row.get("changes").get("balance").get("after").asText())).as("position " + position)
                    .isEqualByComparingTo(after.getOrDefault(entity, BigDecimal.ZERO));
            before = after;
        }
    }

    @Test
    void csvHasAHeaderAndARowPerEventOnATightHeap() throws Exception {
        ForkedCli events = ForkedCli.run(dir, "32m", "events", big.toString(), "--format", "csv");
        assertThat(events.exit()).as(events.err()).isZero();
        List<String> rows = events.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("position,source,broker_time,event_time,type,entity,amount,flags");
        assertThat(rows).hasSize(EVENTS + 1);
        assertThat(rows.get(EVENTS)).startsWith(EVENTS + ",line " + EVENTS + ",");
    }

    @Test
    void rowsBeforeTheFirstJsonObjectArePrintedOnceOneIsReadAndNeverForAFileWithNone() throws Exception {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) { // more than a burst, and more rows than are held in memory
            bad.add("ERROR " + i + " connection reset by peer");
        }
        Path none = Files.write(dir.resolve("server.log"), bad);
        Cli refused = Cli.run("events", none.toString());
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.out).isEmpty();
        assertThat(refused.err).contains("is not a JSON Lines file: none of its 100,000 lines is a JSON object");

        List<String> late = new ArrayList<>(bad);
        late.add("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"2.50\"}");
        Path lateLog = Files.write(dir.resolve("late.jsonl"), late);
        Cli printed = Cli.run("events", lateLog.toString(), "--format", "csv", "--changes");
        assertThat(printed.exit).as(printed.err).isZero();
        List<String> rows = printed.out.lines().toList();
        assertThat(rows).hasSize(100_002);
        assertThat(rows.get(1)).startsWith("1,line 1,").contains("not JSON");
        assertThat(rows.get(100_001)).startsWith("100001,line 100001,").contains(",A,2.50,0,2.50,");
    }

    private static void assertSameBalances(Map<String, BigDecimal> printed, Map<String, BigDecimal> naive) {
        for (var e : naive.entrySet()) {
            assertThat(printed.getOrDefault(e.getKey(), BigDecimal.ZERO)).as(e.getKey()).isEqualByComparingTo(e.getValue());
        }
        for (var e : printed.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualByComparingTo(naive.getOrDefault(e.getKey(), BigDecimal.ZERO));
        }
    }
}
