package io.eventscope.replay;

import java.util.List;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlScript;

/**
 * A compiled {@code when} condition or invariant check: its text as written, the names it reads, and
 * its JEXL form (compiled once per spec, shared by every thread: a JEXL script is immutable).
 */
public final class Expression {
    private final String text;
    private final JexlScript script;
    private final List<String> variables;

    Expression(String text, JexlScript script, List<String> variables) {
        this.text = text;
        this.script = script;
        this.variables = List.copyOf(variables);
    }

    /** The expression as written in the spec. */
    public String text() {
        return text;
    }

    /** The names it reads (payload fields, state fields, type, entity), in order of first use. */
    public List<String> variables() {
        return variables;
    }

    /**
     * True when the expression holds for the values in {@code context}. An expression that cannot be
     * evaluated for these values (a value of the wrong kind, a division by zero) does not hold.
     */
    boolean test(JexlContext context) {
        try {
            return Boolean.TRUE.equals(script.execute(context));
        } catch (JexlException | ArithmeticException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
