package io.eventscope.replay;

import java.util.Arrays;

/**
 * Marks every number literal of an expression as a JEXL BigDecimal literal ({@code 0.1} becomes
 * {@code 0.1B}), because JEXL reads {@code 0.1} as a double and then {@code 0.1 + 0.2 == 0.3} is false.
 * String literals are left alone; columns of the rewritten text map back to the text as written.
 */
final class ExactLiterals {
    private final String text;
    /** For each character of the rewritten text, its 0-based index in the original. */
    private final int[] origin;

    private ExactLiterals(String text, int[] origin) {
        this.text = text;
        this.origin = origin;
    }

    static ExactLiterals of(String source) {
        StringBuilder out = new StringBuilder(source.length() + 8);
        int[] origin = new int[source.length() * 2 + 1];
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\'' || c == '"') {
                int end = stringEnd(source, i);
                for (int k = i; k < end; k++) {
                    origin[out.length()] = k;
                    out.append(source.charAt(k));
                }
                i = end;
            } else if (Character.isDigit(c) && (i == 0 || !identifierPart(source.charAt(i - 1)))) {
                int end = numberEnd(source, i);
                for (int k = i; k < end; k++) {
                    origin[out.length()] = k;
                    out.append(source.charAt(k));
                }
                boolean suffixed = end < n && Character.isLetter(source.charAt(end));
                if (!suffixed) {
                    origin[out.length()] = end - 1;
                    out.append('B');
                }
                i = end;
            } else {
                origin[out.length()] = i;
                out.append(c);
                i++;
            }
        }
        origin[out.length()] = n;
        return new ExactLiterals(out.toString(), Arrays.copyOf(origin, out.length() + 1));
    }

    /** {@code source} with the content of its string literals blanked out, so only code is left to inspect. */
    static String withoutStrings(String source) {
        StringBuilder out = new StringBuilder(source);
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\'' || c == '"') {
                int end = stringEnd(source, i);
                for (int k = i + 1; k < end - 1; k++) {
                    out.setCharAt(k, ' ');
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    String text() {
        return text;
    }

    /** The 1-based column in the original text of 1-based column {@code column} of the rewritten one. */
    int originalColumn(int column) {
        int k = Math.max(0, Math.min(column - 1, origin.length - 1));
        return origin[k] + 1;
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.';
    }

    private static int stringEnd(String s, int open) {
        char quote = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return s.length(); // unterminated: JEXL reports it
    }

    /** Digits, an optional fraction, an optional exponent (JSON-like), as JEXL reads a decimal. */
    private static int numberEnd(String s, int i) {
        int n = s.length();
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i + 1 < n && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(s.charAt(j))) {
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }
}
