package io.eventscope.event;

import com.fasterxml.jackson.core.JsonToken;

/**
 * The fast parse path: a payload the {@link PlainObjectScanner} accepts (one plain object, printable
 * ASCII, no escapes, nested objects only when the mapping reads into them: nearly every event log line)
 * is read from the scanner's field offsets, without a parser; nested members are read by scanning the
 * nested object the same way. Its values are ASCII, so each byte is one char.
 */
final class PlainPayloadReader {
    private final PlainObjectScanner scanner = new PlainObjectScanner();
    private final FieldRoles roles;
    private final FieldValueReader values;
    private char[] chars = new char[64];
    /** The mapping's nested references, or null; then nested objects are left to Jackson. */
    private final PathNode nested;
    /** Scanners for nested objects, by depth (made on first use). */
    private final java.util.List<PlainObjectScanner> inner = new java.util.ArrayList<>();

    PlainPayloadReader(FieldRoles roles, FieldValueReader values) {
        this.roles = roles;
        this.values = values;
        this.nested = roles.nested();
        scanner.acceptNested(nested != null);
    }

    /** True when {@code buf[from, to)} is a plain object; {@link #read} then reads that object. */
    boolean accepts(byte[] buf, int from, int to) {
        return scanner.scan(buf, from, to);
    }

    /** Reads the fields of the object last accepted from {@code buf} (values already reset). */
    void read(byte[] buf) {
        if (scanner.objects != 0) {
            readWithObjects(buf);
            return;
        }
        // A flat line (nearly every line of a flat log): the loop as small as before nested objects existed.
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

    /** The same for a line with nested objects (a CloudEvent's data): those are read by the pointer tree. */
    private void readWithObjects(byte[] buf) {
        PlainObjectScanner s = scanner;
        for (int f = 0; f < s.fields; f++) {
            int[] r = roles.at(f, buf, s.nameStart[f], s.nameEnd[f]);
            if (s.kind[f] == JsonToken.START_OBJECT) {
                readObjectField(s, f, buf, r, nested.child(buf, s.nameStart[f], s.nameEnd[f]), 0);
            } else {
                readValue(s, f, buf, r);
            }
        }
    }

    /** A nested object as a field's value: its own roles (it is no number or text), then what lies below. */
    private void readObjectField(PlainObjectScanner s, int f, byte[] buf, int[] r, PathNode below, int depth) {
        if (r != null) {
            values.read(JsonToken.START_OBJECT, null, 0, 0, r);
        }
        if (below != null) {
            readNested(buf, s.valueStart[f], s.valueEnd[f], below, depth);
        }
    }

    /** Reads the members of the plain object {@code buf[from, to)} that the references below {@code node} name. */
    private void readNested(byte[] buf, int from, int to, PathNode node, int depth) {
        while (inner.size() <= depth) {
            PlainObjectScanner scanner = new PlainObjectScanner();
            scanner.acceptNested(true);
            inner.add(scanner);
        }
        PlainObjectScanner s = inner.get(depth);
        if (!s.scan(buf, from, to)) {
            return; // cannot happen: the outer scan accepted this object by the same rules
        }
        for (int f = 0; f < s.fields; f++) {
            int[] r = node.leaf(buf, s.nameStart[f], s.nameEnd[f]);
            if (s.kind[f] == JsonToken.START_OBJECT) {
                readObjectField(s, f, buf, r, node.child(buf, s.nameStart[f], s.nameEnd[f]), depth + 1);
            } else {
                readValue(s, f, buf, r);
            }
        }
    }

    private void readValue(PlainObjectScanner s, int f, byte[] buf, int[] r) {
        if (r == null) {
            return;
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
