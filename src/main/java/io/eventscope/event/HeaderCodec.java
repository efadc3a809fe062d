package io.eventscope.event;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs message headers into bytes ("name\0value\n" per value) so they live in the payload arena
 * rather than as a map per event.
 */
final class HeaderCodec {
    private HeaderCodec() {
    }

    static byte[] encode(Map<String, List<String>> headers) {
        StringBuilder sb = new StringBuilder();
        headers.forEach((name, values) -> {
            for (String v : values) {
                sb.append(name).append('\0').append(v).append('\n');
            }
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
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
}
