package io.eventscope.event;

/**
 * The fast parse path: a payload the {@link PlainObjectScanner} accepts (one flat object, printable
 * ASCII, no escapes: nearly every event log line) is read from the scanner's field offsets, without a
 * parser. Its values are ASCII, so each byte is one char.
 */
final class PlainPayloadReader {
    private final PlainObjectScanner scanner = new PlainObjectScanner();
    private final FieldRoles roles;
    private final FieldValueReader values;
    private char[] chars = new char[64];

    PlainPayloadReader(FieldRoles roles, FieldValueReader values) {
        this.roles = roles;
        this.values = values;
    }

    /** True when {@code buf[from, to)} is a plain object; {@link #read} then reads that object. */
    boolean accepts(byte[] buf, int from, int to) {
        return scanner.scan(buf, from, to);
    }

    /** Reads the fields of the object last accepted from {@code buf} (values already reset). */
    void read(byte[] buf) {
        PlainObjectScanner s = scanner;
        for (int f = 0; f < s.fields; f++) {
            int[] r = roles.at(f, buf, s.nameStart[f], s.nameEnd[f]);
            if (r == null) {
                continue;
            }
            int len = s.valueEnd[f] - s.valueStart[f];
            if (chars.length < len) {
                chars = new char[Math.max(len, chars.length * 2)];
            }
            for (int i = 0; i < len; i++) {
                chars[i] = (char) buf[s.valueStart[f] + i];
            }
            values.read(s.kind[f], chars, 0, len, r);
        }
    }
}
