package io.eventscope.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a projection reads one value: a top-level payload field ({@code amount}), an RFC 6901 JSON
 * Pointer into the payload ({@code /data/amount}, with {@code ~1} for "/" and {@code ~0} for "~"), or a
 * message header ({@code header:ce-type}). A pointer of one segment is the top-level field it names, so
 * {@code /amount} and {@code amount} read the same value the same (fast) way.
 */
public record FieldRef(Kind kind, List<String> path) {
    /** Where the value lives. */
    public enum Kind { FIELD, POINTER, HEADER }

    private static final String HEADER = "header:";

    public FieldRef {
        path = List.copyOf(path);
    }

    /** Parses a reference; IllegalArgumentException with the reason when it is not a valid one. */
    public static FieldRef parse(String text) {
        if (text.regionMatches(true, 0, HEADER, 0, HEADER.length())) {
            String name = text.substring(HEADER.length()).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("\"" + text + "\" names no header after \"header:\"");
            }
            return new FieldRef(Kind.HEADER, List.of(name.toLowerCase(Locale.ROOT)));
        }
        if (!text.startsWith("/")) {
            return new FieldRef(Kind.FIELD, List.of(text));
        }
        List<String> segments = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            segments.add(unescape(raw, text));
        }
        return segments.size() == 1 ? new FieldRef(Kind.FIELD, segments) : new FieldRef(Kind.POINTER, segments);
    }

    /** True when {@code text} is a valid reference. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String unescape(String raw, String pointer) {
        if (raw.indexOf('~') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                out.append(c);
            } else if (i + 1 < raw.length() && (raw.charAt(i + 1) == '0' || raw.charAt(i + 1) == '1')) {
                out.append(raw.charAt(++i) == '0' ? '~' : '/');
            } else {
                throw new IllegalArgumentException("\"" + pointer + "\" is not a valid JSON Pointer (RFC 6901): "
                        + "\"~\" must be followed by 0 or 1");
            }
        }
        return out.toString();
    }

    /** The top-level field name this reference starts at (the header name for a header). */
    public String head() {
        return path.get(0);
    }
}
