package io.eventscope.event;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the mapped headers of one message ({@code header:ce-type}, CloudEvents' binary mode) from its
 * packed {@link HeaderBlock} and hands each value to the {@link FieldValueReader} as a string, as if it
 * were a payload field. Header names match in any letter case, as brokers and SDKs differ on it.
 */
final class HeaderValues {
    private char[] chars = new char[64];

    /** Reads the packed headers in {@code b[from, end)}. */
    void read(byte[] b, int from, int end, FieldRoles roles, FieldValueReader values) {
        int i = from;
        while (i < end) {
            int zero = i;
            while (zero < end && b[zero] != 0) {
                zero++;
            }
            int nl = zero + 1;
            while (nl < end && b[nl] != '\n') {
                nl++;
            }
            if (zero >= end) {
                return;
            }
            String name = new String(b, i, zero - i, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            int[] r = roles.header(name);
            if (r != null) {
                String value = new String(b, zero + 1, Math.max(0, nl - zero - 1), StandardCharsets.UTF_8);
                if (chars.length < value.length()) {
                    chars = new char[value.length()];
                }
                value.getChars(0, value.length(), chars, 0);
                values.read(JsonToken.VALUE_STRING, chars, 0, value.length(), r);
            }
            i = nl + 1;
        }
    }
}
