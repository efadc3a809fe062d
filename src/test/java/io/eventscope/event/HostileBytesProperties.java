package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The decoder on input nobody should send: arbitrary bytes, invalid UTF-8, a BOM, CRLF, NUL bytes, deep
 * nesting, huge lines and numbers. On both paths (the plain scanner and Jackson alone) and in batches,
 * every line takes exactly one position and anything unreadable is flagged; nothing throws.
 */
class HostileBytesProperties {

    @Property(tries = 1000)
    void arbitraryBytesNeverThrowAndTakeOnePositionEach(@ForAll("hostileLines") List<byte[]> lines) {
        for (boolean plain : new boolean[] {true, false}) {
            Timeline t = timeline();
            TimelineWriter w = new TimelineWriter(t, Long.MAX_VALUE, false, plain);
            for (byte[] line : lines) {
                w.appendLine(line, 0, line.length);
            }
            w.loadDone();
            assertThat(t.size()).isEqualTo(lines.size());
            Timeline batch = batch(lines, plain);
            assertThat(batch.size()).isEqualTo(lines.size());
            for (int i = 0; i < t.size(); i++) {
                assertThat(batch.flagsAt(i)).isEqualTo(t.flagsAt(i));
                // a good event has a type; every other one says why it is not
                assertThat(t.isFlagged(i) || t.typeIdAt(i) >= 0).isTrue();
            }
        }
    }

    @Property(tries = 1000)
    void numbersOfAnySizeAreExactOrFlaggedOutOfRange(@ForAll("numbers") String number) {
        Timeline t = decode("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":" + number + "}");
        BigDecimal exact = exactOrNull(number);
        if (exact == null) {
            assertThat(t.flagsAt(0)).extracting(Flag::kind).containsExactly(FlagKind.AMOUNT_OUT_OF_RANGE);
        } else {
            assertThat(t.flagsAt(0)).isEmpty();
            assertThat(t.numbers(0).get(0).compareTo(exact)).isZero();
        }
    }

    /** The rule, computed another way: the number's plain text (without sign and point) within 1,000 digits. */
    private static BigDecimal exactOrNull(String number) {
        String mantissa = number.replaceFirst("[eE].*", "");
        long exponent = number.matches(".*[eE].*") ? Long.parseLong(number.replaceFirst(".*[eE]\\+?", "")) : 0;
        int point = mantissa.indexOf('.');
        String digits = mantissa.replace(".", "").replace("-", "");
        long fraction = point < 0 ? 0 : mantissa.length() - point - 1;
        String significant = digits.replaceFirst("^0+", "");
        long scale = fraction - exponent;
        long written = significant.isEmpty() ? Math.max(1, scale)
                : scale <= 0 ? significant.length() - scale : Math.max(significant.length(), scale);
        return written > 1000 ? null : new BigDecimal(number);
    }

    @Example
    void aTwentyMegabyteLineIsOnePositionDecodedInLinearTime() {
        byte[] line = ("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":" + "7".repeat(20 << 20) + "}")
                .getBytes(StandardCharsets.US_ASCII);
        Timeline t = decodeBytes(List.of(line), true);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.isFlagged(0)).isTrue();
        byte[] text = ("{\"type\":\"Deposit\",\"account\":\"" + "x".repeat(20 << 20) + "\",\"amount\":1}")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(decodeBytes(List.of(text), true).size()).isEqualTo(1);
    }

    @Example
    void aHundredThousandLevelsOfNestingAreFlaggedNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String deepObject = "{\"type\":\"Deposit\",\"amount\":1,\"x\":" + "{\"a\":".repeat(100_000) + "1"
                + "}".repeat(100_000) + "}";
        for (boolean plain : new boolean[] {true, false}) {
            Timeline t = decodeBytes(List.of(deep.getBytes(StandardCharsets.US_ASCII),
                    deepObject.getBytes(StandardCharsets.US_ASCII)), plain);
            assertThat(t.size()).isEqualTo(2);
            assertThat(t.isFlagged(0)).isTrue();
            assertThat(t.isFlagged(1)).isTrue();
        }
    }

    @Example
    void aBomCrlfAndNulBytesAreFlaggedOrReadNeverDropped() {
        List<byte[]> lines = List.of(
                bytes(0xEF, 0xBB, 0xBF), "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}\r".getBytes(StandardCharsets.UTF_8),
                "{\"type\":\"Deposit\",\"account\":\"A\u0000\",\"amount\":1}".getBytes(StandardCharsets.UTF_8),
                bytes(0, 0, 0, '{'), bytes('{', '"', 0xC3, 0x28, '"', ':', '1', '}'), bytes(0xFF, 0xFE, '{', 0, '}', 0));
        for (boolean plain : new boolean[] {true, false}) {
            Timeline t = decodeBytes(lines, plain);
            assertThat(t.size()).isEqualTo(lines.size());
            assertThat(t.isFlagged(0)).isTrue();
            assertThat(t.isFlagged(1)).isFalse(); // a CR before the line feed is white space
            assertThat(t.isFlagged(3) && t.isFlagged(4) && t.isFlagged(5)).isTrue();
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static Timeline decode(String line) {
        return decodeBytes(List.of(line.getBytes(StandardCharsets.UTF_8)), true);
    }

    private static Timeline decodeBytes(List<byte[]> lines, boolean plain) {
        Timeline t = timeline();
        TimelineWriter w = new TimelineWriter(t, Long.MAX_VALUE, false, plain);
        for (byte[] line : lines) {
            w.appendLine(line, 0, line.length);
        }
        w.loadDone();
        return t;
    }

    private static Timeline batch(List<byte[]> lines, boolean plain) {
        int total = lines.stream().mapToInt(l -> l.length + 1).sum();
        byte[] buf = new byte[total];
        int[] starts = new int[lines.size()];
        int[] ends = new int[lines.size()];
        int at = 0;
        for (int k = 0; k < lines.size(); k++) {
            byte[] l = lines.get(k);
            System.arraycopy(l, 0, buf, at, l.length);
            starts[k] = at;
            ends[k] = at + l.length;
            at += l.length;
            buf[at++] = '\n';
        }
        Timeline t = timeline();
        TimelineWriter w = new TimelineWriter(t, Long.MAX_VALUE, false, plain);
        w.appendLines(buf, starts, ends, lines.size());
        w.loadDone();
        return t;
    }

    private static Timeline timeline() {
        FieldMapping mapping = new FieldMapping(List.of("type"), List.of("account"), List.of("timestamp"),
                List.of("amount"), List.of("note"), Map.of("deposit", Set.of("amount")));
        return new Timeline("t", "t", CoordinateKind.LINE, mapping);
    }

    @Provide
    Arbitrary<List<byte[]>> hostileLines() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        // Good lines broken at random: a byte replaced by a NUL, a lone UTF-8 lead byte, a CR, a quote…
        Arbitrary<byte[]> damaged = Combinators.combine(Arbitraries.of(
                        "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1.5,\"note\":\"Zoë\"}",
                        "{\"type\":\"Deposit\",\"amount\":2,\"amount\":3}", "{\"type\":\"Withdrawal\",\"account\":{\"id\":1}}",
                        "\uFEFF{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}",
                        "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1e999999}",
                        "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"" + "9".repeat(400) + "\"}"),
                Arbitraries.integers().between(0, 1000), Arbitraries.of((byte) 0, (byte) 0xC3, (byte) 0xFF, (byte) '\r',
                        (byte) '"', (byte) '{', (byte) 0x1B, (byte) '\\'))
                .as((text, at, b) -> {
                    byte[] l = text.getBytes(StandardCharsets.UTF_8);
                    byte[] out = Arrays.copyOf(l, l.length);
                    out[at % out.length] = b;
                    return out;
                });
        return Arbitraries.oneOf(random, damaged).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(1100);
        Arbitrary<String> mantissa = Combinators.combine(Arbitraries.of("", "-"), digits,
                Arbitraries.strings().withCharRange('0', '9').ofMaxLength(1100))
                .as((sign, whole, fraction) -> sign + (whole.length() > 1 ? whole.replaceFirst("^0+(?=.)", "1") : whole)
                        + (fraction.isEmpty() ? "" : "." + fraction));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-2000, 2000).map(e -> "e" + e),
                Arbitraries.of("e999999", "e-999999", "e999999999", "e-2147483647", "E+2147483648", "e99999999"));
        return Combinators.combine(mantissa, exponent).as((m, e) -> m + e);
    }
}
