package io.eventscope.search;

import java.util.ArrayList;
import java.util.List;

/** Splits the bar's text into terms: bare or quoted words, {@code name=value} and {@code time:RANGE}. */
final class SearchTokens {
    /** @param name the text before {@code =} ({@code "time:"} for a range), or null for words */
    record Token(String name, String value) {
    }

    private final String s;
    private int i;

    private SearchTokens(String s) {
        this.s = s;
    }

    static List<Token> split(String text) {
        SearchTokens in = new SearchTokens(text);
        List<Token> out = new ArrayList<>();
        while (in.skipSpace()) {
            out.add(in.next());
        }
        return out;
    }

    private boolean skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < s.length();
    }

    private Token next() {
        if (s.charAt(i) == '"') {
            return new Token(null, quoted());
        }
        int start = i;
        if (s.regionMatches(true, i, "time:", 0, 5)) {
            i += 5;
            return new Token("time:", value("time:"));
        }
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
            i++;
        }
        if (i == s.length() || s.charAt(i) != '=' || i == start) {
            i = Math.max(i, start + 1);
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++; // a word, "=" and quotes included
            }
            return new Token(null, s.substring(start, i));
        }
        String name = s.substring(start, i);
        i++; // '='
        return new Token(name, value(name + "="));
    }

    /** The value after {@code name=} (or {@code time:}): quoted, or up to the next space. */
    private String value(String after) {
        if (i < s.length() && s.charAt(i) == '"') {
            return quoted();
        }
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw new SearchSyntaxException("\"" + shorten(after) + "\" is followed by no value; write one after it, "
                    + "or \"\" for an empty value.");
        }
        return s.substring(start, i);
    }

    /** A quoted value from the opening quote at {@code i}; {@code \"} is a quote, {@code \\} a backslash. */
    private String quoted() {
        StringBuilder out = new StringBuilder();
        int open = i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\\')) {
                c = s.charAt(i++);
            }
            out.append(c);
        }
        throw new SearchSyntaxException("The quoted value " + shorten(s.substring(open)) + " is not closed; "
                + "end it with another \".");
    }

    /** Quotes typed text in a message, cut short and without control characters. */
    static String shorten(String text) {
        String t = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
