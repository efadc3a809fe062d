package io.eventscope.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The one escaper of text that reaches a terminal. Payload text can hold characters a terminal obeys
 * rather than shows: C0 controls (ESC sequences retitle the window or move the cursor, BEL, a bare CR
 * that overwrites a row), DEL, C1 controls, the line and paragraph separators U+2028/U+2029 and the
 * bidirectional overrides that reorder what is shown. Each is written as a JSON-style escape
 * {@code \}{@code uXXXX} (ESC shows as {@code \}{@code u001b}), so a crafted value cannot fake a row or
 * retitle the terminal, and JSON output passed through stays valid JSON with the same values.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** Whether {@code c} is written escaped. */
    static boolean unsafe(char c) {
        if (c < 0x20) {
            return true;
        }
        if (c < 0x7f) {
            return false;
        }
        return c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** {@code s} with every unsafe character escaped, line breaks and tabs included (for one cell or value). */
    public static String escape(String s) {
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                appendEscape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendEscape(Appendable out, char c) {
        try {
            out.append("\\u").append(Character.forDigit(c >> 12, 16)).append(Character.forDigit((c >> 8) & 15, 16))
                    .append(Character.forDigit((c >> 4) & 15, 16)).append(Character.forDigit(c & 15, 16));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A writer that escapes what {@link #escape} does except the line feed, which the commands write
     * between lines: everything a command prints passes through it.
     */
    static Writer lines(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                if (c != '\n' && unsafe((char) c)) {
                    appendEscape(out, (char) c);
                } else {
                    out.write(c);
                }
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                int start = off;
                int end = off + len;
                for (int i = off; i < end; i++) {
                    char c = buf[i];
                    if (c != '\n' && unsafe(c)) {
                        out.write(buf, start, i - start);
                        appendEscape(out, c);
                        start = i + 1;
                    }
                }
                out.write(buf, start, end - start);
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    char c = s.charAt(i);
                    if (c != '\n' && unsafe(c)) {
                        write(s.toCharArray(), off, len);
                        return;
                    }
                }
                out.write(s, off, len);
            }
        };
    }
}
