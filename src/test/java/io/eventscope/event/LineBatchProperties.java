package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Decoding lines in a batch (one parser for many lines) must equal decoding each line on its own. */
class LineBatchProperties {

    @Property(tries = 300)
    void batchEqualsOneByOne(@ForAll("lines") List<String> lines, @ForAll boolean crlf) {
        assertBatchEqualsOneByOne(lines, crlf);
    }

    /** Batches this large are decoded on two threads; the result must not change. */
    @Property(tries = 8)
    void largeBatchesDecodedInTwoEqualOneByOne(@ForAll("manyLines") List<String> lines, @ForAll boolean crlf) {
        assertBatchEqualsOneByOne(lines, crlf);
    }

    private static void assertBatchEqualsOneByOne(List<String> lines, boolean crlf) {
        Timeline single = timeline();
        TimelineWriter one = new TimelineWriter(single);
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            one.appendLine(b, 0, b.length);
        }

        String joined = String.join(crlf ? "\r\n" : "\n", lines);
        byte[] buf = joined.getBytes(StandardCharsets.UTF_8);
        int[] starts = new int[lines.size()];
        int[] ends = new int[lines.size()];
        int at = 0;
        for (int k = 0; k < lines.size(); k++) {
            starts[k] = at;
            ends[k] = at + lines.get(k).getBytes(StandardCharsets.UTF_8).length;
            at = ends[k] + (crlf ? 2 : 1);
        }
        Timeline batch = timeline();
        TimelineWriter batchWriter = new TimelineWriter(batch);
        batchWriter.appendLines(buf, starts, ends, lines.size());
        batchWriter.loadDone();

        assertThat(batch.size()).isEqualTo(single.size());
        assertThat(batch.flaggedCount()).isEqualTo(single.flaggedCount());
        for (int p = 1; p <= single.size(); p++) {
            Event a = single.event(p);
            Event b = batch.event(p);
            assertThat(b).usingRecursiveComparison().as("position %d: %s", p, lines.get(p - 1)).isEqualTo(a);
            assertThat(batch.effectiveTimeAt(p - 1)).as("effective time at %d", p).isEqualTo(single.effectiveTimeAt(p - 1));
            assertThat(batch.entityIdAt(p - 1) >= 0).isTrue();
        }
    }

    @net.jqwik.api.Example
    void anObjectSplitOverTwoLinesIsTwoBadLinesNotOneGoodOne() {
        assertBatchEqualsOneByOne(List.of("{\"type\":\"Deposit\",\"amount\":", "5}",
                "{\"type\":\"Deposit\",\"account\":", "\"A\",\"amount\":1}", "{\"type\":\"Deposit\",\"amount\":2}"), false);
        Timeline t = timeline();
        byte[] text = "{\"type\":\"Deposit\",\"amount\":\n5}\n".getBytes(StandardCharsets.UTF_8);
        new TimelineWriter(t).appendLines(text, new int[] {0, 28}, new int[] {27, 30}, 2);
        assertThat(t.event(1).flagged()).isTrue();
        assertThat(t.event(2).flagged()).isTrue();
    }

    @net.jqwik.api.Example
    void cleanLinesShareOneParser() {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[500];
        int[] ends = new int[500];
        for (int k = 0; k < 500; k++) {
            starts[k] = text.length();
            text.append("{\"type\":\"Deposit\",\"account\":\"A").append(k % 7).append("\",\"amount\":").append(k).append('}');
            ends[k] = text.length();
            text.append(k % 2 == 0 ? "\n" : "\r\n");
        }
        Timeline t = timeline();
        TimelineWriter writer = new TimelineWriter(t);
        writer.appendLines(text.toString().getBytes(StandardCharsets.UTF_8), starts, ends, 500);
        assertThat(t.size()).isEqualTo(500);
        assertThat(t.flaggedCount()).isZero();
        assertThat(writer.linesDecodedAlone()).isZero();
    }

    private static Timeline timeline() {
        return new Timeline("t", "t", CoordinateKind.LINE, ProjectionSpecReader.banking().fieldMapping());
    }

    @Provide
    Arbitrary<List<String>> manyLines() {
        return lineMix().list().ofMinSize(BatchDecoding.PARALLEL_MIN).ofMaxSize(3 * BatchDecoding.PARALLEL_MIN);
    }

    @Provide
    Arbitrary<List<String>> lines() {
        return lineMix().list().ofMinSize(1).ofMaxSize(25);
    }

    private Arbitrary<String> lineMix() {
        Arbitrary<String> good = Arbitraries.of(
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1.5,\"timestamp\":\"2024-03-01T10:00:00Z\"}",
                "{\"type\":\"Withdrawal\",\"account\":\"B\",\"amount\":\"2\",\"ts\":1709286072000}",
                "{\"type\":\"Note\",\"meta\":{\"type\":\"x\",\"a\":[1,2,{\"b\":null}]},\"account\":7}",
                "{\"type\":\"Deposit\",\"amount\":12345678901234567890.123}");
        Arbitrary<String> odd = Arbitraries.of("", "   ", "{\"type\":\"Deposit\",\"amount\":", "5}", "1,\"type\":\"X\"}", "  {\"type\":\"Deposit\",\"amount\":1}",
                "{\"type\":\"Deposit\",\"amount\":1}  ", "{\"type\":\"Deposit\",\"amount\":1}{\"type\":\"X\"}",
                "{\"type\":\"Deposit\",\"amount\":1} 5", "[1,2]", "42", "\"text\"", "garbage", "{\"type\":",
                "{\"type\":\"Deposit\"}", "{\"type\":\"Deposit\",\"amount\":\"1,5\"}", "{}", "null",
                "{\"type\":\"Deposit\",\"amount\":1,\"timestamp\":\"2024-02-30T00:00:00Z\"}",
                "{\"type\":\"Deposit\",\"amount\":1,\"timestamp\":\"2024-03-01T10:00:00.123456789Z\"}",
                "{\"type\":\"Déposit\",\"account\":\"Zoë\",\"amount\":1}");
        Arbitrary<String> accounts = Arbitraries.integers().between(1, 3000).map(n ->
                "{\"type\":\"Deposit\",\"account\":\"ACC-" + n + "\",\"amount\":\"" + n + ".5\"}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, good), net.jqwik.api.Tuple.of(2, odd),
                net.jqwik.api.Tuple.of(3, accounts));
    }
}
