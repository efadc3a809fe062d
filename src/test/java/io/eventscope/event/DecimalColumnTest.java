package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;

class DecimalColumnTest {

    private static BigDecimal sum(String a, String b, boolean negate) {
        DecimalColumn acc = new DecimalColumn(1);
        DecimalColumn src = new DecimalColumn(1);
        acc.set(0, new BigDecimal(a));
        src.set(0, new BigDecimal(b));
        acc.addCell(0, src, 0, negate);
        return acc.get(0);
    }

    @Test
    void seedArticleFigureIsExact() {
        assertThat(sum("12345678901234567.89", "0.1", false)).isEqualTo(new BigDecimal("12345678901234567.99"));
    }

    @Test
    void overflowOfLongFallsBackToExactArithmetic() {
        assertThat(sum("9223372036854775807", "1", false)).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(sum("-9223372036854775808", "1", true)).isEqualTo(new BigDecimal("-9223372036854775809"));
        assertThat(sum("92233720368547758.07", "0.001", false)).isEqualTo(new BigDecimal("92233720368547758.071"));
    }

    @Property(tries = 500)
    void addAndSubtractAgreeWithBigDecimal(@ForAll @BigRange(min = "-1e25", max = "1e25") BigDecimal a,
                                           @ForAll @BigRange(min = "-1e25", max = "1e25") BigDecimal b) {
        assertThat(sum(a.toPlainString(), b.toPlainString(), false)).isEqualByComparingTo(a.add(b));
        assertThat(sum(a.toPlainString(), b.toPlainString(), true)).isEqualByComparingTo(a.subtract(b));
    }

    @Test
    void parsesTextExactlyOrRefuses() {
        DecimalColumn c = new DecimalColumn(4);
        char[] ok = "-0012.500".toCharArray();
        assertThat(c.parseInto(0, ok, 0, ok.length)).isTrue();
        assertThat(c.get(0)).isEqualTo(new BigDecimal("-12.500"));
        for (String bad : new String[] {"12,50", "", "-", "1.2.3", "abc", " 1"}) {
            char[] t = bad.toCharArray();
            assertThat(c.parseInto(1, t, 0, t.length)).as(bad).isFalse();
        }
    }
}
