package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;

/** Conditions and invariants compare exactly, run sandboxed, and say where they are wrong. */
class ExpressionCompilerTest {
    private static final Set<String> NAMES = Set.of("amount", "balance", "status", "currency", "type");

    private static boolean holds(String text, Object... pairs) throws Exception {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put((String) pairs[i], pairs[i + 1]);
        }
        return ExpressionCompiler.compile(text, NAMES).test(new MapContext(vars));
    }

    @Test
    void decimalsAreExactNotBinaryFloatingPoint() throws Exception {
        assertThat(holds("0.1 + 0.2 == 0.3")).isTrue();
        assertThat(holds("amount + 0.1 == 123456789012345678901234567890.2",
                "amount", new BigDecimal("123456789012345678901234567890.1"))).isTrue();
        assertThat(holds("amount > 123456789012345678901234567890.1",
                "amount", new BigDecimal("123456789012345678901234567890.1"))).isFalse();
        assertThat(holds("balance >= 0", "balance", new BigDecimal("-0.000000000000000000001"))).isFalse();
        assertThat(holds("amount == 1e3", "amount", new BigDecimal("1000.00"))).isTrue();
        assertThat(holds("amount * 3 == 0.9", "amount", new BigDecimal("0.3"))).isTrue();
    }

    @Test
    void textAndLogicWorkAsAnAuditorWritesThem() throws Exception {
        assertThat(holds("status == 'open' && currency == \"EUR\"", "status", "open", "currency", "EUR")).isTrue();
        assertThat(holds("status != 'closed' || type == 'AccountOpened'", "status", "closed",
                "type", "Deposit")).isFalse();
        assertThat(holds("status != 'closed'", "status", null)).isTrue();
        assertThat(holds("amount > 10000", "amount", null)).isFalse();
        assertThat(holds("'0.5' == 0.5")).isTrue();
    }

    @Test
    void nothingBeyondPlainExpressionsIsAllowed() {
        for (String hostile : new String[]{
                "amount.getClass().forName('java.lang.Runtime')",
                "new('java.lang.Object')",
                "for (x : [1,2]) { x }",
                "amount = 5",
                "var x = 1; x",
                "(x) -> x",
                "status.length()",
                "math:abs(amount)",
                "status =~ '(a+)+b'",
                "status !~ 'x'",
                "(".repeat(500) + "1" + ")".repeat(500)}) {
            try {
                ExpressionCompiler.compile(hostile, NAMES);
                throw new AssertionError("compiled: " + hostile);
            } catch (ExpressionCompiler.Problem expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThatThrownBy(() -> holdsOrThrowOnCompile("1 << 100000")).isInstanceOf(AssertionError.class);
    }

    private static void holdsOrThrowOnCompile(String text) throws Exception {
        assertThat(holds(text)).isTrue(); // a shift is refused at evaluation: the check does not hold
    }

    @Test
    void anUnknownNameOrABadTokenIsReportedWithItsColumn() {
        assertThatThrownBy(() -> ExpressionCompiler.compile("amount > 0 && saldo < 5", NAMES))
                .isInstanceOfSatisfying(ExpressionCompiler.Problem.class, p -> {
                    assertThat(p.column).isEqualTo(15);
                    assertThat(p.getMessage()).contains("saldo");
                });
        assertThatThrownBy(() -> ExpressionCompiler.compile("amount > 10.5 &&", NAMES))
                .isInstanceOfSatisfying(ExpressionCompiler.Problem.class, p -> assertThat(p.column).isGreaterThan(12));
        assertThatThrownBy(() -> ExpressionCompiler.compile("x".repeat(2000), NAMES))
                .isInstanceOf(ExpressionCompiler.Problem.class);
    }
}
