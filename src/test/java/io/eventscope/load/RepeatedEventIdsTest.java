package io.eventscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.audit.AuditReport;
import io.eventscope.audit.FlagReport;
import io.eventscope.audit.StreamingAudit;
import io.eventscope.event.Flag;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Timeline;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.RunningFold;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same event id twice in a file: the repeat is flagged "duplicate of #N" (same payload) or
 * "conflicting duplicate of #N" (another payload), shown and counted but not applied — by a timeline
 * load and by a streaming read alike. Expectations are computed here from the lines, by a plain map of
 * the ids seen.
 */
class RepeatedEventIdsTest {
    private static final ProjectionSpec BANKING = ProjectionSpecReader.banking();

    @TempDir
    Path dir;

    private static String deposit(String account, int amount, String idField, String id) {
        return "{\"type\":\"Deposit\",\"account\":\"" + account + "\",\"amount\":" + amount
                + (id == null ? "" : ",\"" + idField + "\":\"" + id + "\"") + "}";
    }

    @Test
    void anIdenticalRepeatIsADuplicateOfTheFirstAndIsNotApplied() throws Exception {
        String first = deposit("A", 10, "eventId", "e-1");
        Path file = write(List.of(first, deposit("A", 5, "eventId", "e-2"), first));

        Timeline t = TimelineLoad.under(BANKING).read(file.toString()).timeline();

        assertThat(t.flagsAt(2)).containsExactly(new Flag(FlagKind.DUPLICATE_EVENT,
                "duplicate of #1 (same payload)"));
        assertThat(t.flaggedCount()).isEqualTo(1);
        assertThat(balances(t)).containsExactly(Map.entry("A", new BigDecimal("15")));
        assertThat(flaggedPositions(AuditReport.of(TimelineLoad.under(BANKING).read(file.toString()))))
                .isEqualTo(Map.of(FlagKind.DUPLICATE_EVENT, List.of(3)));
    }

    /**
     * Lines the plain scanner leaves to Jackson (an escaped quote, a nested object), alone and in runs, told
     * apart by the bytes they were read from: an exact resend is a duplicate, one that differs only after its
     * id conflicts, also once the first was dropped (bursts of 2) and whether or not the lines are kept.
     */
    @Test
    void repeatsOfLinesJacksonReadsAreToldApartByTheirOwnBytes() throws Exception {
        String quoted = "{\"type\":\"Deposit\",\"account\":\"A\",\"eventId\":\"q-1\",\"amount\":4,\"note\":\"a \\\"b\\\"\"}";
        String nested = "{\"type\":\"Deposit\",\"account\":\"B\",\"eventId\":\"n-1\",\"amount\":6,\"meta\":{\"k\":1}}";
        List<String> lines = new ArrayList<>(List.of(quoted, nested));
        for (int i = 0; i < 6; i++) {
            lines.add(deposit("C", 1, "eventId", "p-" + i));
        }
        lines.add(nested); // in a run of two Jackson lines
        lines.add(quoted.replace("\"b\\", "\"c\\"));
        lines.add(deposit("C", 1, "eventId", "p-9"));
        lines.add(quoted); // alone between plain lines
        lines.add(deposit("C", 1, "eventId", "p-10"));
        lines.add(nested.replace("\"k\":1", "\"k\":2"));
        Map<FlagKind, List<Integer>> want = Map.of(FlagKind.DUPLICATE_EVENT, List.of(9, 12),
                FlagKind.CONFLICTING_DUPLICATE, List.of(10, 14));
        Path file = write(lines);
        assertThat(flaggedPositions(AuditReport.of(TimelineLoad.under(BANKING).read(file.toString())))).isEqualTo(want);
        for (boolean payloadsRead : new boolean[] {true, false}) {
            assertThat(flaggedPositions(streamedAudit(file, 2, payloadsRead))).isEqualTo(want);
        }
    }

    @Test
    void aRepeatWithAnotherPayloadIsAConflictingDuplicateWhateverFieldNamesTheId() throws Exception {
        Path file = write(List.of(deposit("A", 10, "id", "x"), deposit("B", 7, "eventId", "y"),
                deposit("B", 700, "id", "y"), deposit("A", 1, "eventId", "x")));

        Timeline t = TimelineLoad.under(BANKING).read(file.toString()).timeline();

        assertThat(t.flagsAt(2)).containsExactly(new Flag(FlagKind.CONFLICTING_DUPLICATE,
                "conflicting duplicate of #2 (different payload)"));
        assertThat(t.flagsAt(3)).extracting(Flag::kind).containsExactly(FlagKind.CONFLICTING_DUPLICATE);
        assertThat(t.flagsAt(3).get(0).detail()).startsWith("conflicting duplicate of #1 ");
        assertThat(balances(t)).containsExactly(Map.entry("A", new BigDecimal("10")), Map.entry("B", new BigDecimal("7")));
    }

    @Test
    void aFlaggedEventDoesNotClaimItsIdAndEventsWithoutIdsAreNeverRepeats() throws Exception {
        String noAmount = "{\"type\":\"Deposit\",\"account\":\"A\",\"eventId\":\"e-1\"}";
        Path file = write(List.of(noAmount, deposit("A", 3, "eventId", "e-1"), deposit("A", 3, "eventId", null),
                deposit("A", 3, "eventId", null), deposit("A", 3, "eventId", "")));

        Timeline t = TimelineLoad.under(BANKING).read(file.toString()).timeline();

        assertThat(t.flagsAt(0)).extracting(Flag::kind).containsExactly(FlagKind.MISSING_FIELD);
        assertThat(t.flaggedCount()).isEqualTo(1);
        assertThat(balances(t)).containsExactly(Map.entry("A", new BigDecimal("12")));
    }

    /**
     * A million distinct ids (read on two decoding threads, and streamed in bursts), then repeats of the
     * first, a middle and the last one: exactly those three are flagged, each pointing at its first line.
     */
    @Test
    void repeatsAfterAMillionDistinctIdsAreFoundAndNothingElseIs() throws Exception {
        int distinct = 1_000_000;
        Path file = dir.resolve("million.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= distinct; i++) {
                w.write(deposit(i % 2 == 0 ? "A" : "B", 1, "eventId", "id-" + i));
                w.write('\n');
            }
            w.write(deposit("B", 1, "eventId", "id-1") + "\n");
            w.write(deposit("A", 2, "eventId", "id-500000") + "\n");
            w.write(deposit("A", 1, "eventId", "id-1000000") + "\n");
        }
        Map<FlagKind, List<Integer>> want = Map.of(
                FlagKind.DUPLICATE_EVENT, List.of(distinct + 1, distinct + 3),
                FlagKind.CONFLICTING_DUPLICATE, List.of(distinct + 2));

        LoadedSource loaded = TimelineLoad.under(BANKING).read(file.toString());
        assertThat(flaggedPositions(AuditReport.of(loaded))).isEqualTo(want);
        assertThat(balances(loaded.timeline())).containsExactly(Map.entry("A", new BigDecimal(distinct / 2)),
                Map.entry("B", new BigDecimal(distinct / 2)));
        assertThat(loaded.timeline().flagsAt(distinct + 1).get(0).detail()).startsWith("conflicting duplicate of #500,000 ");
        assertThat(flaggedPositions(streamedAudit(file, 65_536, true))).isEqualTo(want);
        assertThat(flaggedPositions(streamedAudit(file, 65_536, false))).isEqualTo(want);
    }

    /**
     * In a 32 MB heap the id table may take about 3 MB, some 118,000 ids: a streaming verify of 300,000
     * distinct ids still answers in full, flags the early repeat, and says from which position ids went
     * unchecked instead of running out of memory.
     */
    @Test
    void idsBeyondTheTablesShareOfTheHeapAreLeftUncheckedAndVerifySaysFromWhere() throws Exception {
        int distinct = 300_000;
        Path file = dir.resolve("many.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= distinct; i++) {
                w.write(deposit("A", 1, "eventId", "id-" + i) + "\n");
                if (i == 10) {
                    w.write(deposit("A", 1, "eventId", "id-1") + "\n"); // position 11: checked, a duplicate
                }
            }
            w.write(deposit("A", 1, "eventId", "id-1") + "\n"); // past the limit: not checked
        }

        io.eventscope.testing.ForkedCli verify = io.eventscope.testing.ForkedCli.run(dir, "32m", "verify",
                file.toString());

        assertThat(verify.err()).isEmpty();
        assertThat(verify.exit()).isNotZero();
        assertThat(verify.out()).contains("positions, 1 flagged.").contains("position 11 (line 11): duplicate of #1 ");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "event ids from position ([0-9,]+) on were not checked for repeats").matcher(verify.out());
        assertThat(m.find()).as(verify.out()).isTrue();
        assertThat(Integer.parseInt(m.group(1).replace(",", ""))).isBetween(100_000, distinct);
    }

    @Provide
    Arbitrary<List<String>> logs() {
        Arbitrary<String> id = Arbitraries.of("e-1", "e-2", "e-3", "e-4", "e-5", "e-6", "e-7", "e-8");
        Arbitrary<String> field = Arbitraries.of("eventId", "id");
        Arbitrary<String> account = Arbitraries.of("A", "B", "C");
        Arbitrary<Integer> amount = Arbitraries.integers().between(1, 3);
        Arbitrary<String> good = net.jqwik.api.Combinators.combine(account, amount, field, id.injectNull(0.3))
                .as(RepeatedEventIdsTest::deposit);
        Arbitrary<String> bad = id.map(i -> "{\"type\":\"Deposit\",\"account\":\"A\",\"eventId\":\"" + i + "\"}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, good), net.jqwik.api.Tuple.of(1, bad),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("REPEAT"))).list().ofMaxSize(60)
                .map(RepeatedEventIdsTest::repeatsResolved);
    }

    /** "REPEAT" stands for an exact copy of the line before it (dropped at the start). */
    private static List<String> repeatsResolved(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String line : raw) {
            if (!line.equals("REPEAT")) {
                out.add(line);
            } else if (!out.isEmpty()) {
                out.add(out.get(out.size() - 1));
            }
        }
        return out;
    }

    /**
     * Tens of thousands of lines are decoded in overlapped batches on two threads, the ids checked by whichever
     * thread finished a batch: the same repeats as a plain map, across many batches.
     */
    @Test
    void largeLogsDecodedOnTwoThreadsFlagTheRepeatsAPlainMapFinds() throws Exception {
        java.util.Random random = new java.util.Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            if (i > 0 && random.nextInt(50) == 0) {
                lines.add(lines.get(random.nextInt(i))); // an exact resend of an earlier line
            } else {
                lines.add(deposit("A" + random.nextInt(100), 1 + random.nextInt(3), "eventId",
                        "e-" + random.nextInt(50_000)));
            }
        }
        timelineAndStreamingFlagExactlyTheRepeatsAPlainMapOfIdsFinds(lines, 5_000);
    }

    @Property(tries = 300)
    void timelineAndStreamingFlagExactlyTheRepeatsAPlainMapOfIdsFinds(@ForAll("logs") List<String> lines,
                                                                     @ForAll @IntRange(min = 1, max = 20) int burst)
            throws Exception {
        Map<FlagKind, List<Integer>> want = new TreeMap<>();
        Map<String, BigDecimal> balances = new TreeMap<>();
        Map<String, String> firstLine = new HashMap<>();
        Map<String, Integer> firstPosition = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("\"amount\"")) {
                continue; // flagged for its missing amount: neither applied nor claiming its id
            }
            String id = idOf(line);
            if (id != null && firstLine.containsKey(id)) {
                FlagKind kind = firstLine.get(id).equals(line) ? FlagKind.DUPLICATE_EVENT : FlagKind.CONFLICTING_DUPLICATE;
                want.computeIfAbsent(kind, k -> new ArrayList<>()).add(i + 1);
                continue;
            }
            if (id != null) {
                firstLine.put(id, line);
                firstPosition.put(id, i + 1);
            }
            String account = line.substring(line.indexOf("\"account\":\"") + 11, line.indexOf("\",\"amount\""));
            int amount = Integer.parseInt(line.replaceAll(".*\"amount\":(\\d+).*", "$1"));
            balances.merge(account, BigDecimal.valueOf(amount), BigDecimal::add);
        }

        Path file = write(lines);
        LoadedSource loaded = TimelineLoad.under(BANKING).read(file.toString());
        assertThat(flaggedPositions(AuditReport.of(loaded))).isEqualTo(want);
        assertThat(balances(loaded.timeline())).isEqualTo(balances);
        // A streamed read prints each first payload where it was read, whether the lines are kept or not.
        for (boolean payloadsRead : new boolean[] {true, false}) {
            assertThat(flaggedPositions(streamedAudit(file, burst, payloadsRead))).isEqualTo(want);
            assertThat(streamedBalances(file, burst, payloadsRead)).isEqualTo(balances);
        }
        Files.delete(file);
    }

    private static String idOf(String line) {
        for (String field : List.of("\"eventId\":\"", "\"id\":\"")) {
            int at = line.indexOf(field);
            if (at >= 0) {
                return line.substring(at + field.length(), line.indexOf('"', at + field.length()));
            }
        }
        return null;
    }

    private Path write(List<String> lines) throws Exception {
        // jqwik properties get no @TempDir: they write to the default temporary directory and delete.
        Path file = dir == null ? Files.createTempFile("ids", ".jsonl") : Files.createTempFile(dir, "ids", ".jsonl");
        Files.write(file, lines);
        return file;
    }

    /** Positions of the repeat flags, by kind (other flags left out). */
    private static Map<FlagKind, List<Integer>> flaggedPositions(AuditReport report) {
        Map<FlagKind, List<Integer>> out = new TreeMap<>();
        report.flags().byKind().forEach((kind, findings) -> {
            if (kind == FlagKind.DUPLICATE_EVENT || kind == FlagKind.CONFLICTING_DUPLICATE) {
                out.put(kind, findings.stream().map(FlagReport.Finding::position).toList());
            }
        });
        return out;
    }

    private static Map<String, BigDecimal> balances(Timeline t) {
        return balances(new ReplayEngine(t, BANKING).stateAt(t.size()).entities());
    }

    private static Map<String, BigDecimal> balances(List<EntityState> entities) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (EntityState e : entities) {
            out.put(e.entity(), e.decimal("balance").setScale(0, RoundingMode.UNNECESSARY)); // whole amounts here
        }
        return out;
    }

    private static StreamingLoad streaming(int burst, boolean payloadsRead) {
        StreamingLoad load = StreamingLoad.under(BANKING).burst(burst);
        return payloadsRead ? load : load.payloadsUnread();
    }

    private static AuditReport streamedAudit(Path file, int burst, boolean payloadsRead) throws Exception {
        StreamingAudit audit = new StreamingAudit(3, BANKING.clockSkew());
        StreamingLoad.Streamed s = streaming(burst, payloadsRead).read(file.toString(), (timeline, p) -> audit);
        return audit.report(s.sourceName(), s.completeness(), List.of());
    }

    private static Map<String, BigDecimal> streamedBalances(Path file, int burst, boolean payloadsRead) throws Exception {
        RunningFold[] fold = new RunningFold[1];
        streaming(burst, payloadsRead).read(file.toString(), (timeline, p) -> {
            fold[0] = RunningFold.toEnd(timeline, p);
            return held -> fold[0].foldHeld();
        });
        return balances(fold[0].state().entities());
    }
}
