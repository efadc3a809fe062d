package io.eventscope.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * The general parse path: Jackson's streaming parser (no tree, no per-field strings for numbers) reads
 * any payload, nested or escaped, and words the error of a broken one. It hands each mapped field's
 * value to the {@link FieldValueReader}.
 */
final class JacksonPayloadReader {
    /** Called for each line of a run that was read whole, as exactly one object. */
    interface LineRead {
        void read(int line);
    }

    // Numbers are taken as text (DecimalRange rules on their size, in linear time), so Jackson's own cap on a
    // number's length (1,000 characters) would only turn "amount out of range" into "not JSON".
    private final JsonFactory json = JsonFactory.builder().streamReadConstraints(
            com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build()).build();
    private final FieldRoles roles;
    private final FieldValueReader values;

    JacksonPayloadReader(FieldRoles roles, FieldValueReader values) {
        this.roles = roles;
        this.values = values;
    }

    /** Reads one payload (values already reset); what keeps it from being one JSON object becomes a flag. */
    void readOne(byte[] buf, int offset, int length, List<Flag> flags) {
        try (JsonParser p = json.createParser(buf, offset, length)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                flags.add(new Flag(FlagKind.NOT_JSON, "empty line"));
            } else if (first != JsonToken.START_OBJECT) {
                flags.add(new Flag(FlagKind.NOT_OBJECT, "the payload is " + FlagWording.describe(first)));
            } else {
                readObject(p);
                if (p.nextToken() != null) {
                    flags.add(new Flag(FlagKind.NOT_JSON, "more than one JSON value"));
                }
            }
        } catch (JsonProcessingException e) {
            flags.add(new Flag(FlagKind.NOT_JSON, FlagWording.shorten(e.getOriginalMessage())));
        } catch (IOException | RuntimeException e) {
            flags.add(new Flag(FlagKind.DECODING_FAILURE, FlagWording.shorten(String.valueOf(e.getMessage()))));
        }
    }

    /**
     * Reads lines {@code k..count-1} (line j spans {@code [starts[j], ends[j])}) as a run of root values
     * with one parser, which saves creating a parser per line, and calls {@code done} after each. Stops
     * at the first line that is not exactly one object starting at its first byte and returns it (the
     * caller decodes that line alone); returns {@code count} when every line was read.
     */
    int readRun(byte[] buf, int[] starts, int[] ends, int k, int count, LineRead done) {
        int base = starts[k];
        int line = k;
        try (JsonParser p = json.createParser(buf, base, ends[count - 1] - base)) {
            JsonToken t = p.nextToken();
            for (; line < count; line++) {
                if (t != JsonToken.START_OBJECT || base + tokenOffset(p) != starts[line]) {
                    return line;
                }
                values.reset();
                readObject(p);
                if (base + tokenOffset(p) >= ends[line]) {
                    return line; // the object closed beyond its line: the line alone is not a whole object
                }
                t = p.nextToken();
                long next = t == null ? Long.MAX_VALUE : base + tokenOffset(p);
                if (line + 1 < count ? next < starts[line + 1] : t != null) {
                    return line; // trailing content
                }
                done.read(line);
            }
            return count;
        } catch (IOException | RuntimeException e) {
            // The run stops at the line being read; decoded alone, that line reports its own problem.
            return line;
        }
    }

    /** Byte offset of the current token from where the parser started. */
    private static long tokenOffset(JsonParser p) {
        return p.currentTokenLocation().getByteOffset();
    }

    private void readObject(JsonParser p) throws IOException {
        PathNode nested = roles.nested();
        JsonToken t;
        int field = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int[] r = roles.at(field++, name);
            JsonToken value = p.nextToken();
            PathNode below = nested == null || !value.isStructStart() ? null : nested.children.get(name);
            if (below != null) {
                readValue(p, value, r);
                readNested(p, value, below);
            } else if (r == null) {
                p.skipChildren();
            } else {
                readValue(p, value, r);
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new BrokenObject("unexpected " + t);
        }
    }

    private void readValue(JsonParser p, JsonToken value, int[] r) throws IOException {
        if (r == null) {
            return;
        }
        boolean scalar = value.isScalarValue();
        char[] c = scalar ? p.getTextCharacters() : null;
        int off = scalar ? p.getTextOffset() : 0;
        int len = scalar ? p.getTextLength() : 0;
        values.read(value, c, off, len, r);
    }

    /**
     * Reads the object or array just started ({@code start}) along the pointers of {@code node}, up to and
     * including its end token; members no pointer names are skipped unread. Array members are named by
     * their index, as in a JSON Pointer.
     */
    private void readNested(JsonParser p, JsonToken start, PathNode node) throws IOException {
        boolean array = start == JsonToken.START_ARRAY;
        int index = 0;
        while (true) {
            JsonToken t = p.nextToken();
            String name;
            if (array) {
                if (t == JsonToken.END_ARRAY) {
                    return;
                }
                name = Integer.toString(index++);
            } else {
                if (t != JsonToken.FIELD_NAME) {
                    if (t != JsonToken.END_OBJECT) {
                        throw new BrokenObject("unexpected " + t);
                    }
                    return;
                }
                name = p.currentName();
                t = p.nextToken();
            }
            if (t == null) {
                throw new BrokenObject("unexpected end of input");
            }
            readValue(p, t, node.leaves.get(name));
            PathNode below = t.isStructStart() ? node.children.get(name) : null;
            if (below != null) {
                readNested(p, t, below);
            } else {
                p.skipChildren();
            }
        }
    }

    /** Signals a structurally broken object; reported like any other parse error. */
    private static final class BrokenObject extends IOException {
        BrokenObject(String message) {
            super(message);
        }
    }
}
