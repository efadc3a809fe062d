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

    /** A reusable encoder for the writer's hot path: no intermediate strings for ASCII headers. */
    static final class Encoder {
        private byte[] buf = new byte[256];
        private int length;

        /** Encodes into the internal buffer; read it with {@link #bytes()} and {@link #length()}. */
        void encode(Map<String, List<String>> headers) {
            length = 0;
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                for (String v : e.getValue()) {
                    put(e.getKey());
                    putByte((byte) 0);
                    put(v);
                    putByte((byte) '\n');
                }
            }
        }

        byte[] bytes() {
            return buf;
        }

        int length() {
            return length;
        }

        private void put(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
                        putByte(b);
                    }
                    return;
                }
                putByte((byte) c);
            }
        }

        private void putByte(byte b) {
            if (length == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[length++] = b;
        }
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
