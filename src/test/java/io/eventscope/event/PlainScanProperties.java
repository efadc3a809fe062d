package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Plain lines are read without Jackson; every line, plain or not, well-formed or broken, must decode
 * exactly as Jackson alone decodes it: same fields, same flags with the same words.
 */
class PlainScanProperties {

    @Property(tries = 2000)
    void aLineDecodesAsJacksonAloneDecodesIt(@ForAll("lines") String line) {
        assertSameEvents(List.of(line));
    }

    @Property(tries = 200)
    void batchesOfMixedLinesDecodeAsJacksonAloneDecodesThem(@ForAll("batches") List<String> lines) {
        assertSameEvents(lines);
    }

    @Example
    void ordinaryEventLinesTakeThePlainPath() {
        PlainObjectScanner scanner = new PlainObjectScanner();
        byte[] line = "{\"type\":\"Deposit\", \"account\":\"ACC-1\",\"amount\":12.50,\"ok\":true,\"note\":null}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(scanner.scan(line, 0, line.length)).isTrue();
        assertThat(scanner.fields).isEqualTo(5);
        byte[] nested = "{\"type\":\"Deposit\",\"meta\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8);
        assertThat(scanner.scan(nested, 0, nested.length)).isFalse();
    }

    private static void assertSameEvents(List<String> lines) {
        Timeline jackson = timeline();
        Timeline plain = timeline();
        Timeline plainBatch = timeline();
        TimelineWriter jacksonWriter = new TimelineWriter(jackson, Long.MAX_VALUE, false, false);
        TimelineWriter plainWriter = new TimelineWriter(plain, Long.MAX_VALUE, false, true);
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[lines.size()];
        int[] ends = new int[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            byte[] b = lines.get(k).getBytes(StandardCharsets.UTF_8);
            jacksonWriter.appendLine(b, 0, b.length);
            plainWriter.appendLine(b, 0, b.length);
            starts[k] = joined.toString().getBytes(StandardCharsets.UTF_8).length;
            joined.append(lines.get(k));
            ends[k] = joined.toString().getBytes(StandardCharsets.UTF_8).length;
            joined.append('\n');
        }
        TimelineWriter batchWriter = new TimelineWriter(plainBatch, Long.MAX_VALUE, false, true);
        batchWriter.appendLines(joined.toString().getBytes(StandardCharsets.UTF_8), starts, ends, lines.size());
        batchWriter.loadDone();

        for (Timeline t : List.of(plain, plainBatch)) {
            assertThat(t.size()).isEqualTo(jackson.size());
            for (int p = 1; p <= jackson.size(); p++) {
                assertThat(t.event(p)).usingRecursiveComparison().as("line %d: %s", p, lines.get(p - 1))
                        .isEqualTo(jackson.event(p));
                assertThat(t.effectiveTimeAt(p - 1)).isEqualTo(jackson.effectiveTimeAt(p - 1));
            }
        }
    }

    /** Every role, aliases, and a field with two roles (account is the entity and also kept as text). */
    private static Timeline timeline() {
        FieldMapping mapping = new FieldMapping(List.of("type", "kind"), List.of("account", "accountNumber"),
                List.of("timestamp", "ts"), List.of("amount", "fee"), List.of("owner", "account"),
                Map.of("deposit", Set.of("amount"), "withdrawal", Set.of("amount", "fee")));
        return new Timeline("t", "t", CoordinateKind.LINE, mapping);
    }

    @Provide
    Arbitrary<List<String>> batches() {
        return lines().list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> object = field().list().ofMinSize(0).ofMaxSize(6)
                .map(fields -> "{" + String.join(",", fields) + "}");
        Arbitrary<String> padded = Combinators.combine(space(), object, space()).as((a, o, b) -> a + o + b);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, padded),
                net.jqwik.api.Tuple.of(2, Combinators.combine(padded, edit()).as(PlainScanProperties::mutate)));
    }

    private Arbitrary<String> field() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.of("type", "kind", "account", "accountNumber", "timestamp", "ts", "amount", "fee", "owner", "eventId",
                        "data", "data", "subject"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6).map(PlainScanProperties::quoteSafe));
        return Combinators.combine(name, space(), space(), value())
                .as((n, s1, s2, v) -> "\"" + n + "\"" + s1 + ":" + s2 + v);
    }

    private Arbitrary<String> value() {
        return Arbitraries.oneOf(
                Arbitraries.of("\"Deposit\"", "\"Withdrawal\"", "\"ACC-1\"", "\" \"", "\"\"", "\"2024-03-01T10:00:00Z\"",
                        "\"2024-03-01T10:00:00.123+01:00\"", "\"2024-02-30T00:00:00Z\"", "\"1.5\"", "\"1,5\"", "\"abc\"",
                        "\"Zoë\"", "\"a\\\"b\"", "\"tab\there\"", "\"\\u0041\"", "\"x\u0001\"", "\"\u007f\""),
                Arbitraries.of("0", "-0", "12", "1.50", "-3.2e5", "1E400", "01", "1.", "-", "+1", ".5",
                        "12345678901234567890123", "9223372036854775808", "-9223372036854775809", "1709286072000",
                        "1e2", "0.000", "-12.5E-3"),
                Arbitraries.of("true", "false", "null", "tru", "nul", "truex", "NaN"),
                Arbitraries.of("{}", "[1]", "{\"a\":1}", "[]", "{\"type\":\"x\"}"),
                // nested objects the banking projection reads into (a CloudEvent's data), good and bad
                Arbitraries.of("{\"amount\":12.5,\"account\":\"ACC-2\"}", "{ \"account\" : \"A\" , \"amount\":\"1.5\" }",
                        "{\"amount\":{\"v\":1},\"account\":\"B\"}", "{\"amount\":[1]}", "{\"amount\":1,}",
                        "{\"x\":{\"y\":{\"z\":1}},\"amount\":null,\"amount\":2}", "{\"account\":\"\u0041\"}",
                        "{\"amount\":-0.10}x", "{\"account\":12}"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8).map(s -> "\"" + quoteSafe(s) + "\""),
                Arbitraries.longs().map(String::valueOf));
    }

    private Arbitrary<String> space() {
        return Arbitraries.of("", "", "", " ", "\t", "\r", "  ");
    }

    /** An edit at a relative position: delete a character, insert one, or cut the line. */
    private record Edit(int kind, double at, char c) {
    }

    private Arbitrary<Edit> edit() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1),
                Arbitraries.of('{', '}', '[', ']', ':', ',', '"', '\\', ' ', '0', 'a', '-', '.', 'e', 'é', '\u0001'))
                .as(Edit::new);
    }

    private static String mutate(String line, Edit e) {
        if (line.isEmpty()) {
            return String.valueOf(e.c());
        }
        int at = Math.min(line.length() - 1, (int) (e.at() * line.length()));
        return switch (e.kind()) {
            case 0 -> line.substring(0, at) + line.substring(at + 1);
            case 1 -> line.substring(0, at) + e.c() + line.substring(at);
            default -> line.substring(0, at);
        };
    }

    private static String quoteSafe(String s) {
        return s.replace("\\", "").replace("\"", "");
    }
}
