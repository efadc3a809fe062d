package io.eventscope.audit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** Says in words how two JSON lines differ: the first field whose value differs, both values shown. */
final class LineDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LineDiff() {
    }

    /** @return null when the lines are equal */
    static String of(String pack, String expected, String expectedName) {
        if (pack == null) {
            return "the line is missing";
        }
        if (pack.equals(expected)) {
            return null;
        }
        try {
            JsonNode a = JSON.readTree(pack);
            JsonNode b = JSON.readTree(expected);
            if (a == null || !a.isObject()) {
                return "the line is not a JSON object";
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode mine = a.get(f.getKey());
                if (!f.getValue().equals(mine)) {
                    return f.getKey() + " differs: the pack says " + shorten(mine) + ", " + expectedName + " "
                            + shorten(f.getValue());
                }
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!b.has(name)) {
                    return "the pack has a field " + name + " that " + expectedName + " has not";
                }
            }
            return "the same values are written differently (spacing, order or escapes)";
        } catch (IOException e) {
            return "the line is not valid JSON";
        }
    }

    private static String shorten(JsonNode n) {
        String s = n == null ? "nothing" : n.toString();
        return s.length() > 120 ? s.substring(0, 117) + "…" : s;
    }
}
