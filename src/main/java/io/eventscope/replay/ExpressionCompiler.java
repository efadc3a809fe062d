package io.eventscope.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;

/**
 * Compiles {@code when} conditions and invariant checks with Apache Commons JEXL, locked down: plain
 * expressions only (no loops, assignments, local variables, lambdas, {@code new}, method or namespace
 * calls, pragmas), no class may be reached (an empty white-list sandbox on top of the restricted
 * permissions), numbers are exact {@link java.math.BigDecimal} ({@link ExactArithmetic}), no regular
 * expressions, at most {@link #MAX_NESTING} levels of parentheses and {@link #MAX_LENGTH} characters.
 * Without loops, calls or regular expressions an evaluation costs at most one step per character over
 * numbers of at most 100 digits: that is the time bound, by construction.
 */
final class ExpressionCompiler {
    static final int MAX_LENGTH = 1000;
    static final int MAX_NESTING = 32;

    private static final JexlFeatures FEATURES = new JexlFeatures()
            .loops(false).sideEffect(false).sideEffectGlobal(false).newInstance(false).methodCall(false)
            .lambda(false).localVar(false).pragma(false).pragmaAnywhere(false).annotation(false)
            .importPragma(false).namespacePragma(false).namespaceIdentifier(false).structuredLiteral(false)
            .register(false).thinArrow(false).fatArrow(false).script(false);

    private static final JexlEngine ENGINE = new JexlBuilder()
            .permissions(JexlPermissions.RESTRICTED)
            .sandbox(new JexlSandbox(false))
            .arithmetic(new ExactArithmetic())
            .features(FEATURES)
            .strict(true).silent(false).safe(false)
            .cache(256)
            .create();

    /** A compile error: what is wrong and the 1-based column in the expression as written. */
    static final class Problem extends Exception {
        final int column;

        Problem(int column, String message) {
            super(message);
            this.column = column;
        }
    }

    /** Function or namespace call syntax: a name (with an optional namespace) before "(". */
    private static final java.util.regex.Pattern CALL =
            java.util.regex.Pattern.compile("([A-Za-z_$][\\w$]*(?:\\s*:\\s*[A-Za-z_$][\\w$]*)?)\\s*\\(");
    /** JEXL's own operators written like calls: all an expression may call. */
    private static final List<String> ALLOWED_CALLS = List.of("empty", "size");

    private ExpressionCompiler() {
    }

    /** Compiles {@code text}; every name it reads must be one of {@code known}. */
    static Expression compile(String text, Set<String> known) throws Problem {
        if (text.isBlank()) {
            throw new Problem(1, "is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new Problem(MAX_LENGTH + 1, "is longer than " + MAX_LENGTH + " characters");
        }
        ExactLiterals literals = ExactLiterals.of(text);
        String code = ExactLiterals.withoutStrings(text);
        refuseRegexAndDeepNesting(code);
        java.util.regex.Matcher call = CALL.matcher(code);
        while (call.find()) {
            if (!ALLOWED_CALLS.contains(call.group(1))) {
                throw new Problem(call.start(1) + 1, "calls " + call.group(1) + "(), but only "
                        + String.join("(), ", ALLOWED_CALLS) + "() may be called");
            }
        }
        JexlScript script;
        try {
            script = ENGINE.createScript(FEATURES, new JexlInfo("expression", 1, 1), literals.text());
        } catch (JexlException e) {
            JexlInfo info = e.getInfo();
            int column = info == null ? 1 : literals.originalColumn(info.getColumn());
            throw new Problem(column, wording(e));
        }
        List<String> names = new ArrayList<>();
        for (List<String> path : script.getVariables()) {
            String name = path.get(0);
            if (path.size() > 1) {
                throw new Problem(column(text, name), "reads \"" + String.join(".", path)
                        + "\": properties of a value cannot be read, only field names");
            }
            if (!known.contains(name)) {
                throw new Problem(column(text, name), "names \"" + name + "\", which is neither a payload field, "
                        + "a state field, type nor entity (known: " + String.join(", ", known) + ")");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return new Expression(text, script, names);
    }

    /**
     * Regular expressions ({@code =~}, {@code !~}) could take exponential time on a crafted pattern, and
     * deep nesting could exhaust the parser's stack: both are refused before JEXL sees the text.
     */
    private static void refuseRegexAndDeepNesting(String code) throws Problem {
        for (String op : List.of("=~", "!~")) {
            int at = code.indexOf(op);
            if (at >= 0) {
                throw new Problem(at + 1, "uses " + op + ", but regular expressions are not supported");
            }
        }
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth > MAX_NESTING) {
                throw new Problem(i + 1, "nests parentheses more than " + MAX_NESTING + " deep");
            }
        }
    }

    private static int column(String text, String name) {
        int at = text.indexOf(name);
        return at < 0 ? 1 : at + 1;
    }

    /** JEXL's message without its location prefix ("expression@1:5 "), which we report ourselves. */
    private static String wording(JexlException e) {
        String m = e.getMessage() == null ? "cannot be parsed" : e.getMessage();
        int space = m.indexOf(' ');
        if (m.startsWith("expression@") && space > 0) {
            m = m.substring(space + 1);
        }
        return m.replace('\n', ' ').trim();
    }
}
