package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.Timeline;
import io.eventscope.testing.Timelines;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Seeking through checkpoints must always give what a plain fold from zero gives. */
class SeekProperties {

    @Property(tries = 200)
    void seekingInAnyOrderEqualsAFoldFromZero(@ForAll("logs") List<String> log,
                                              @ForAll @Size(max = 30) List<Double> seeks) {
        Timeline timeline = Timelines.banking("default", log);
        ReplayEngine engine = new ReplayEngine(timeline, ProjectionSpecReader.banking(), 3);
        for (double fraction : seeks) {
            int position = (int) Math.round(Math.abs(fraction % 1) * timeline.size());
            ReplayState seek = engine.stateAt(position);
            ReplayState reference = ReplayEngine.foldFromZero(timeline, ProjectionSpecReader.banking(), position);
            assertThat(seek.position()).isEqualTo(position);
            assertThat(seek.flagged()).isEqualTo(reference.flagged());
            assertThat(seek.entities()).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(reference.entities());
        }
    }

    @Provide
    Arbitrary<List<String>> logs() {
        return line().list().ofMaxSize(120);
    }

    private Arbitrary<String> line() {
        Arbitrary<String> type = Arbitraries.of("Deposit", "withdrawal", "Adjustment", "FundsDeposited",
                "FundsWithdrawn", "BalanceAdjusted", "AccountOpened", "StatementIssued");
        Arbitrary<String> account = Arbitraries.of("A", "B", "C", "D", "E", null);
        Arbitrary<String> amount = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e20"), new java.math.BigDecimal("1e20"))
                        .ofScale(2).map(java.math.BigDecimal::toPlainString),
                Arbitraries.bigDecimals().between(java.math.BigDecimal.ZERO, new java.math.BigDecimal("99999"))
                        .ofScale(3).map(b -> "\"" + b.toPlainString() + "\""),
                Arbitraries.of("\"n/a\"", "null", "9223372036854775807", "-9223372036854775808.5"));
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 59);
        Arbitrary<String> good = Combinators.combine(type, account, amount, minute).as((t, a, m, min) ->
                "{\"type\":\"" + t + "\"" + (a == null ? "" : ",\"account\":\"" + a + "\"")
                        + ",\"amount\":" + m + ",\"timestamp\":\"2024-03-01T10:" + String.format("%02d", min) + ":00Z\"}");
        Arbitrary<String> bad = Arbitraries.of("not json", "[1]", "{\"amount\":3}", "", "{\"type\":\"Deposit\"",
                "{\"type\":\"Deposit\",\"account\":\"A\"}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, good), net.jqwik.api.Tuple.of(1, bad));
    }
}
