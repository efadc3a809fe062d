package io.eventscope.replay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.commons.jexl3.JexlArithmetic;

/**
 * JEXL arithmetic for money: every number is a {@link BigDecimal} (the expression's literals are made
 * so by {@link ExpressionCompiler}), sums and comparisons are exact up to 100 significant digits, and
 * what could make a number explode (bit shifts) is refused, so no expression can run away with the heap
 * or the clock. Missing values count as empty (null), never as an error.
 */
final class ExactArithmetic extends JexlArithmetic {
    /** Far beyond any amount (30 digits stay exact) yet a bound on every intermediate result. */
    static final MathContext CONTEXT = new MathContext(100, RoundingMode.HALF_EVEN);

    ExactArithmetic() {
        super(false, CONTEXT, Integer.MIN_VALUE);
    }

    @Override
    public Object shiftLeft(Object left, Object right) {
        throw new ArithmeticException("bit shifts are not supported in projection expressions");
    }

    @Override
    public Object shiftRight(Object left, Object right) {
        throw new ArithmeticException("bit shifts are not supported in projection expressions");
    }

    @Override
    public Object shiftRightUnsigned(Object left, Object right) {
        throw new ArithmeticException("bit shifts are not supported in projection expressions");
    }

    /** Decimal text compares as a number, so a text field holding "12.50" equals 12.5. */
    @Override
    protected boolean isFloatingPointNumber(Object value) {
        return value instanceof BigDecimal || super.isFloatingPointNumber(value);
    }
}
