package io.eventscope.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One message's headers packed as the timeline stores them ("name\0value\n" per value, UTF-8), filled by
 * the source straight from its client's header object: no map per message. Reusable: {@link #clear()}
 * before each message.
 */
public final class HeaderBlock {
    private byte[] buf = new byte[256];
    private int length;

    public void clear() {
        length = 0;
    }

    /** Appends one value of header {@code name}; returns where the value's bytes begin in {@link #bytes()}. */
    public int add(String name, String value) {
        put(name);
        buf[length++] = 0;
        int start = length;
        put(value);
        ensure(1);
        buf[length++] = '\n';
        return start;
    }

    /**
     * Adds a value given as UTF-8 bytes when every byte is ASCII other than NUL and line breaks: its text is then
     * those very bytes, copied without making a string. Returns false, adding nothing, for any other value.
     */
    public boolean addPlain(String name, byte[] value) {
        for (byte b : value) {
            if (b < 0 || b == 0 || b == '\n' || b == '\r') {
                return false;
            }
        }
        put(name);
        ensure(value.length + 2);
        buf[length++] = 0;
        System.arraycopy(value, 0, buf, length, value.length);
        length += value.length;
        buf[length++] = '\n';
        return true;
    }

    /** Clears, then adds every value of every header in the map's order. */
    public void encode(Map<String, List<String>> headers) {
        length = 0;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            for (String v : e.getValue()) {
                add(e.getKey(), v);
            }
        }
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** The packed bytes; only the first {@link #length()} are valid. */
    public byte[] bytes() {
        return buf;
    }

    public int length() {
        return length;
    }

    private void put(String s) {
        int n = s.length();
        ensure(n + 1);
        byte[] b = buf;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                length = at;
                putUtf8(s.substring(i));
                return;
            }
            b[at++] = (byte) c;
        }
        length = at;
    }

    private void putUtf8(String rest) {
        byte[] utf8 = rest.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length + 1);
        System.arraycopy(utf8, 0, buf, length, utf8.length);
        length += utf8.length;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }
}
