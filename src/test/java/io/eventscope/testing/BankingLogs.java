package io.eventscope.testing;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated banking logs for properties: every rule type, a few accounts and the default entity,
 * amounts near the limits of long and as strings, and about one bad line in ten.
 */
public final class BankingLogs {
    private BankingLogs() {
    }

    public static Arbitrary<List<String>> logs(int maxSize) {
        return line().list().ofMaxSize(maxSize);
    }

    private static Arbitrary<String> line() {
        Arbitrary<String> type = Arbitraries.of("Deposit", "withdrawal", "Adjustment", "FundsDeposited",
                "FundsWithdrawn", "BalanceAdjusted", "AccountOpened", "StatementIssued");
        Arbitrary<String> account = Arbitraries.of("A", "B", "C", "D", "E", null);
        Arbitrary<String> amount = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1e20"), new BigDecimal("1e20"))
                        .ofScale(2).map(BigDecimal::toPlainString),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999"))
                        .ofScale(3).map(b -> "\"" + b.toPlainString() + "\""),
                Arbitraries.of("\"n/a\"", "null", "9223372036854775807", "-9223372036854775808.5"));
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 59);
        Arbitrary<String> good = Combinators.combine(type, account, amount, minute).as((t, a, m, min) ->
                "{\"type\":\"" + t + "\"" + (a == null ? "" : ",\"account\":\"" + a + "\"")
                        + ",\"amount\":" + m + ",\"timestamp\":\"2024-03-01T10:" + String.format("%02d", min) + ":00Z\"}");
        Arbitrary<String> bad = Arbitraries.of("not json", "[1]", "{\"amount\":3}", "", "{\"type\":\"Deposit\"",
                "{\"type\":\"Deposit\",\"account\":\"A\"}");
        return Arbitraries.frequencyOf(Tuple.of(9, good), Tuple.of(1, bad));
    }
}
