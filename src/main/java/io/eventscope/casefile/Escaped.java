package io.eventscope.casefile;

/**
 * Text from a case file made safe to show: control characters and the Unicode direction overrides (which
 * could make a note read differently from what it holds) appear as a backslash-u escape, newlines as {@code \n}.
 */
public final class Escaped {
    private Escaped() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
