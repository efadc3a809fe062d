package io.eventscope.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.List;

/**
 * Reads one value out of a payload's JSON text with Jackson's streaming parser: it walks only as far as
 * the path (member names and array indices) and skips everything else unread, so no tree is built per
 * event. Numbers come back as their exact text.
 */
final class PayloadPointer {
    /** A scalar found at the path: its text ({@code true}, {@code null}, digits as written) and whether it is a number. */
    record Scalar(String text, boolean number) {
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private PayloadPointer() {
    }

    /** The scalar at {@code path} in {@code json}, or null when the path leads nowhere, to an object or array, or the text is not JSON. */
    static Scalar find(byte[] json, List<String> path) {
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t = p.nextToken();
            for (String segment : path) {
                t = t == JsonToken.START_OBJECT ? member(p, segment)
                        : t == JsonToken.START_ARRAY ? element(p, index(segment)) : null;
                if (t == null) {
                    return null;
                }
            }
            return switch (t) {
                case VALUE_STRING -> new Scalar(p.getText(), false);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Scalar(p.getText(), true);
                case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> new Scalar(p.getText(), false);
                default -> null;
            };
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** Moves to the value of member {@code name} of the object just opened; null when it has none. */
    private static JsonToken member(JsonParser p, String name) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            boolean wanted = name.equals(p.currentName());
            t = p.nextToken();
            if (wanted) {
                return t;
            }
            p.skipChildren();
        }
        return null;
    }

    /** Moves to element {@code index} of the array just opened; null when it is shorter. */
    private static JsonToken element(JsonParser p, int index) throws IOException {
        if (index < 0) {
            return null;
        }
        for (int i = 0; ; i++) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) {
                return null;
            }
            if (i == index) {
                return t;
            }
            p.skipChildren();
        }
    }

    /** An RFC 6901 array index (digits, no leading zero), or -1 when the segment is not one. */
    private static int index(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || (segment.length() > 1 && segment.charAt(0) == '0')
                || !segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(segment);
    }
}
