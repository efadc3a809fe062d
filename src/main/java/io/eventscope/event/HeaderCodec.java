package io.eventscope.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back headers packed by {@link HeaderBlock} ("name\0value\n" per value), which live in the payload
 * arena rather than as a map per event.
 */
final class HeaderCodec {
    private HeaderCodec() {
    }

    static Map<String, String> decode(byte[] bytes) {
        Map<String, String> out = new LinkedHashMap<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int cut = line.indexOf('\0');
            if (cut > 0) {
                out.merge(line.substring(0, cut), line.substring(cut + 1), (a, b) -> a + ", " + b);
            }
        }
        return out;
    }

    /** Every value of every header, in stored order: what a source passed, for appending it again. */
    static Map<String, List<String>> decodeValues(byte[] bytes) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int cut = line.indexOf('\0');
            if (cut > 0) {
                out.computeIfAbsent(line.substring(0, cut), k -> new ArrayList<>()).add(line.substring(cut + 1));
            }
        }
        return out;
    }
}
