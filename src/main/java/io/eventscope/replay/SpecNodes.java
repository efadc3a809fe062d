package io.eventscope.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.event.FieldRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reading a spec's JSON strictly: required members, strings, lists of references, and no member the
 * format does not know (a misspelt "invariants" must not pass silently). Every problem is one sentence
 * naming the spec file and the JSON path inside it.
 */
final class SpecNodes {
    private final String origin;

    SpecNodes(String origin) {
        this.origin = origin;
    }

    ProjectionSpecException fail(String at, String problem) {
        return new ProjectionSpecException("Projection spec " + origin + ": " + at + " " + problem + ".");
    }

    /** Refuses a member of {@code node} not among {@code known}. */
    void onlyKeys(JsonNode node, String at, Set<String> known) throws ProjectionSpecException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw fail(at.isEmpty() ? key : at + "." + key, "is not a known key (expected "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    JsonNode require(JsonNode parent, String key, String at) throws ProjectionSpecException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw fail(at, "is missing");
        }
        return n;
    }

    JsonNode object(JsonNode n, String at, String example) throws ProjectionSpecException {
        if (n == null || !n.isObject()) {
            throw fail(at, "must be an object like " + example);
        }
        return n;
    }

    String text(JsonNode n, String at) throws ProjectionSpecException {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw fail(at, "must be a non-empty string");
        }
        return n.asText();
    }

    /** A string or an array of strings. */
    List<String> names(JsonNode n, String at) throws ProjectionSpecException {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(text(n, at));
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(text(n.get(i), at + "[" + i + "]"));
            }
        } else {
            throw fail(at, "must be a string or a non-empty array of strings");
        }
        return out;
    }

    /** A reference or a list of alternative references, each checked (a JSON Pointer must be RFC 6901). */
    List<String> refs(JsonNode n, String at) throws ProjectionSpecException {
        List<String> out = names(n, at);
        for (int i = 0; i < out.size(); i++) {
            try {
                FieldRef.parse(out.get(i));
            } catch (IllegalArgumentException e) {
                throw fail(n.isArray() ? at + "[" + i + "]" : at, e.getMessage());
            }
        }
        return out;
    }

    /** A positive ISO-8601 duration such as {@code "PT5M"}. */
    java.time.Duration duration(JsonNode n, String at) throws ProjectionSpecException {
        try {
            java.time.Duration d = java.time.Duration.parse(text(n, at));
            if (d.isNegative() || d.isZero()) {
                throw fail(at, "must be a positive duration");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw fail(at, quote(n) + " is not an ISO-8601 duration like \"PT5M\" (five minutes)");
        }
    }

    static String quote(JsonNode n) {
        return n.isTextual() ? "\"" + n.asText() + "\"" : n.toString();
    }
}
