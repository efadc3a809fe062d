package io.eventscope.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields named by a {@link FieldMapping} out of one JSON payload with Jackson's streaming
 * parser (no tree, no per-field strings for numbers) and writes them into the timeline's columns.
 * Anything it cannot read becomes a {@link Flag}; it never throws for bad input.
 */
final class PayloadDecoder {
    private static final int TYPE = 0;
    private static final int ENTITY = 1;
    private static final int TIME = 2;
    private static final int NUMBER = 3;
    private static final int TEXT = 4;
    private static final int NOT_FOUND = Integer.MAX_VALUE;

    private final JsonFactory json = new JsonFactory();
    private final Timeline timeline;
    private final FieldMapping mapping;
    /** field name -> pairs of (role, index within that role's list). */
    private final Map<String, int[]> roles = new HashMap<>();
    private final String[] recentNames = new String[16];
    private final int[][] recentRoles = new int[16][];
    private final byte[][] recentNameBytes = new byte[16][];
    private final int[][] recentBytesRoles = new int[16][];
    private final PlainObjectScanner plain;
    private char[] chars = new char[64];
    private final List<int[]> requiredByTypeId = new ArrayList<>();
    private final boolean[] numberNotNumeric;
    private final String[] numberRawText;

    private long linesDecodedAlone;
    private int typeAlias;
    private int typeId;
    private String typeProblem;
    private int entityAlias;
    private int entityId;
    private int timeAlias;
    private long timeValue;
    private String timeProblem;

    PayloadDecoder(Timeline timeline) {
        this(timeline, true);
    }

    /** @param plainScan read plain objects without Jackson (false only to compare both ways in tests) */
    PayloadDecoder(Timeline timeline, boolean plainScan) {
        this.timeline = timeline;
        this.plain = plainScan ? new PlainObjectScanner() : null;
        this.mapping = timeline.mapping();
        addRoles(mapping.typeFields(), TYPE);
        addRoles(mapping.entityFields(), ENTITY);
        addRoles(mapping.timeFields(), TIME);
        addRoles(mapping.numericFields(), NUMBER);
        addRoles(mapping.textFields(), TEXT);
        numberNotNumeric = new boolean[mapping.numericFields().size()];
        numberRawText = new String[numberNotNumeric.length];
    }

    private void addRoles(List<String> names, int role) {
        for (int i = 0; i < names.size(); i++) {
            int[] old = roles.get(names.get(i));
            int[] next = old == null ? new int[2] : java.util.Arrays.copyOf(old, old.length + 2);
            next[next.length - 2] = role;
            next[next.length - 1] = i;
            roles.put(names.get(i), next);
        }
    }

    /**
     * Decodes the payload at {@code index} (already stored in the arena) and fills type, entity, event
     * time, numeric and text columns. Returns the flags found (empty when the event is good).
     */
    List<Flag> decode(byte[] buf, int offset, int length, int index, List<Flag> flags) {
        reset(index);
        if (plain != null && plain.scan(buf, offset, offset + length)) {
            readPlain(buf, index);
            finish(index, flags);
            return flags;
        }
        try (JsonParser p = json.createParser(buf, offset, length)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                flags.add(new Flag(FlagKind.NOT_JSON, "empty line"));
            } else if (first != JsonToken.START_OBJECT) {
                flags.add(new Flag(FlagKind.NOT_OBJECT, "the payload is " + describe(first)));
            } else {
                readObject(p, index);
                if (p.nextToken() != null) {
                    flags.add(new Flag(FlagKind.NOT_JSON, "more than one JSON value"));
                }
            }
        } catch (JsonProcessingException e) {
            flags.add(new Flag(FlagKind.NOT_JSON, shorten(e.getOriginalMessage())));
        } catch (IOException | RuntimeException e) {
            flags.add(new Flag(FlagKind.DECODING_FAILURE, shorten(String.valueOf(e.getMessage()))));
        }
        finish(index, flags);
        return flags;
    }

    /** Receives the flags of each decoded line (called only for lines with flags). */
    interface FlagSink {
        void flagged(int index, List<Flag> flags);
    }

    /**
     * Decodes lines {@code from..to-1} of one buffer (line k spans {@code [starts[k], ends[k])}) into
     * indexes {@code indexOfLine0 + k}. One parser reads the lines as a run of root values, which saves
     * creating a parser per line; any line that is not exactly one object starting at its first byte is
     * decoded on its own by {@link #decode}, and the shared parser restarts after it.
     */
    void decodeLines(byte[] buf, int[] starts, int[] ends, int from, int to, int indexOfLine0, FlagSink sink) {
        List<Flag> flags = new ArrayList<>(4);
        int k = from;
        while (k < to) {
            if (plain != null && plain.scan(buf, starts[k], ends[k])) {
                decodePlainLine(buf, indexOfLine0 + k, sink, flags);
                k++;
                continue;
            }
            // Lines the scanner declines go to Jackson, as one run of lines with one parser.
            int m = k + 1;
            while (m < to && (plain == null || !plain.scan(buf, starts[m], ends[m]))) {
                m++;
            }
            for (int j = k; j < m; ) {
                j = decodeRun(buf, starts, ends, j, m, indexOfLine0, sink, flags);
            }
            k = m; // line m is scanned again above: a line decoded alone in the run reused the scanner
        }
    }

    private void decodePlainLine(byte[] buf, int index, FlagSink sink, List<Flag> flags) {
        reset(index);
        flags.clear();
        readPlain(buf, index);
        finish(index, flags);
        if (!flags.isEmpty()) {
            sink.flagged(index, flags);
        }
    }

    /** Decodes lines from {@code k} with one parser until the end or a line that needs the slow path. */
    private int decodeRun(byte[] buf, int[] starts, int[] ends, int k, int count, int firstIndex, FlagSink sink,
                          List<Flag> flags) {
        int base = starts[k];
        int line = k;
        try (JsonParser p = json.createParser(buf, base, ends[count - 1] - base)) {
            JsonToken t = p.nextToken();
            for (; line < count; line++) {
                int index = firstIndex + line;
                if (t != JsonToken.START_OBJECT || base + tokenOffset(p) != starts[line]) {
                    return decodeAlone(buf, starts, ends, line, firstIndex, sink, flags);
                }
                reset(index);
                flags.clear();
                readObject(p, index);
                if (base + tokenOffset(p) >= ends[line]) {
                    // The object closed beyond its line: the line alone is not a whole object.
                    return decodeAlone(buf, starts, ends, line, firstIndex, sink, flags);
                }
                t = p.nextToken();
                long next = t == null ? Long.MAX_VALUE : base + tokenOffset(p);
                if (line + 1 < count ? next < starts[line + 1] : t != null) {
                    return decodeAlone(buf, starts, ends, line, firstIndex, sink, flags); // trailing content
                }
                finish(index, flags);
                if (!flags.isEmpty()) {
                    sink.flagged(index, flags);
                }
            }
            return count;
        } catch (IOException | RuntimeException e) {
            // The run stops at the line being read; decoded alone, that line reports its own problem.
            return decodeAlone(buf, starts, ends, line, firstIndex, sink, flags);
        }
    }

    /** Byte offset of the current token from where the parser started. */
    private static long tokenOffset(JsonParser p) {
        return p.currentTokenLocation().getByteOffset();
    }

    /** Lines of batches that needed a parser of their own (for tests: clean lines never should). */
    long linesDecodedAlone() {
        return linesDecodedAlone;
    }

    private int decodeAlone(byte[] buf, int[] starts, int[] ends, int line, int firstIndex, FlagSink sink,
                            List<Flag> flags) {
        linesDecodedAlone++;
        flags.clear();
        decode(buf, starts[line], ends[line] - starts[line], firstIndex + line, flags);
        if (!flags.isEmpty()) {
            sink.flagged(firstIndex + line, flags);
        }
        return line + 1;
    }

    private void reset(int index) {
        typeAlias = NOT_FOUND;
        typeId = -1;
        typeProblem = null;
        entityAlias = NOT_FOUND;
        entityId = -1;
        timeAlias = NOT_FOUND;
        timeValue = EventTimes.NONE;
        timeProblem = null;
        for (int f = 0; f < numberNotNumeric.length; f++) {
            numberNotNumeric[f] = false;
            numberRawText[f] = null;
            timeline.numbers[f].clear(index);
        }
        for (int[] column : timeline.texts) {
            column[index] = -1;
        }
    }

    private void readObject(JsonParser p, int index) throws IOException {
        JsonToken t;
        int field = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int[] r = rolesAt(field++, p.currentName());
            JsonToken value = p.nextToken();
            if (r == null) {
                p.skipChildren();
                continue;
            }
            boolean scalar = value.isScalarValue();
            char[] c = scalar ? p.getTextCharacters() : null;
            int off = scalar ? p.getTextOffset() : 0;
            int len = scalar ? p.getTextLength() : 0;
            for (int k = 0; k < r.length; k += 2) {
                readValue(value, c, off, len, r[k], r[k + 1], index);
            }
            p.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonProcessingExceptionLike("unexpected " + t);
        }
    }

    /** Reads the fields the scanner found (its values are ASCII, so each byte is one char). */
    private void readPlain(byte[] buf, int index) {
        PlainObjectScanner s = plain;
        for (int f = 0; f < s.fields; f++) {
            int[] r = rolesAt(f, buf, s.nameStart[f], s.nameEnd[f]);
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
            for (int k = 0; k < r.length; k += 2) {
                readValue(s.kind[f], chars, 0, len, r[k], r[k + 1], index);
            }
        }
    }

    /**
     * Events of one log repeat their field order, and the parser hands out the same canonical name
     * strings, so the roles of the n-th field are usually those found for the n-th field last time.
     */
    private int[] rolesAt(int field, String name) {
        if (field < recentNames.length) {
            if (recentNames[field] == name) {
                return recentRoles[field];
            }
            int[] r = roles.get(name);
            recentNames[field] = name;
            recentRoles[field] = r;
            return r;
        }
        return roles.get(name);
    }

    /** The same for a name in raw bytes (ASCII, as the scanner guarantees). */
    private int[] rolesAt(int field, byte[] buf, int from, int to) {
        if (field < recentNameBytes.length) {
            byte[] last = recentNameBytes[field];
            if (last != null && sameBytes(last, buf, from, to)) {
                return recentBytesRoles[field];
            }
            int[] r = roles.get(new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
            recentNameBytes[field] = Arrays.copyOfRange(buf, from, to);
            recentBytesRoles[field] = r;
            return r;
        }
        return roles.get(new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** Field names are short: a plain loop beats the vectorised compare's set-up. */
    private static boolean sameBytes(byte[] a, byte[] buf, int from, int to) {
        if (a.length != to - from) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != buf[from + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies one field value to one role. {@code c[off, off+len)} is the value's text for scalar values
     * (string content, number as written, true/false); {@code c} is null for objects and arrays.
     */
    private void readValue(JsonToken value, char[] c, int off, int len, int role, int which, int index) {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        switch (role) {
            case TYPE -> {
                if (which < typeAlias) {
                    typeAlias = which;
                    if (value == JsonToken.VALUE_STRING && !blank(c, off, len)) {
                        typeId = timeline.types.intern(c, off, len);
                        typeProblem = null;
                    } else {
                        typeId = -1;
                        typeProblem = "field " + mapping.typeFields().get(which) + " is "
                                + (value == JsonToken.VALUE_STRING ? "blank" : describe(value)) + ", not a type name";
                    }
                }
            }
            case ENTITY -> {
                if (which < entityAlias && (value == JsonToken.VALUE_STRING || value.isNumeric()) && len > 0) {
                    entityAlias = which;
                    entityId = timeline.entities.intern(c, off, len);
                }
            }
            case TIME -> {
                if (which < timeAlias) {
                    timeAlias = which;
                    readTime(value, c, off, len, mapping.timeFields().get(which));
                }
            }
            case NUMBER -> readNumber(value, c, off, len, which, index);
            case TEXT -> {
                if (value.isScalarValue()) {
                    timeline.texts[which][index] = timeline.textValues.intern(c, off, len);
                }
            }
            default -> throw new IllegalStateException("role " + role);
        }
    }

    private void readTime(JsonToken value, char[] c, int off, int len, String field) {
        timeProblem = null;
        timeValue = EventTimes.NONE;
        try {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                timeValue = EventTimes.fromEpochMillis(parseLong(c, off, len));
            } else if (value == JsonToken.VALUE_STRING) {
                long fast = IsoInstant.parseNanos(c, off, len);
                timeValue = fast != IsoInstant.UNSUPPORTED ? fast : EventTimes.parse(new String(c, off, len));
            } else {
                timeProblem = field + " is " + describe(value);
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            timeProblem = field + " \"" + clip(new String(c, off, len)) + "\" is not an ISO-8601 instant or epoch millis";
        }
    }

    /** A JSON integer's text as a long; ArithmeticException when it does not fit. */
    private static long parseLong(char[] c, int off, int len) {
        boolean negative = c[off] == '-';
        long v = 0;
        for (int i = negative ? off + 1 : off; i < off + len; i++) {
            v = Math.addExact(Math.multiplyExact(v, 10), negative ? -(c[i] - '0') : c[i] - '0');
        }
        return v;
    }

    private void readNumber(JsonToken value, char[] c, int off, int len, int field, int index) {
        DecimalColumn column = timeline.numbers[field];
        boolean ok = (value.isNumeric() || value == JsonToken.VALUE_STRING) && column.parseInto(index, c, off, len);
        numberNotNumeric[field] = !ok;
        if (!ok) {
            column.clear(index);
            numberRawText[field] = value.isScalarValue() ? clip(new String(c, off, len)) : describe(value);
        }
    }

    private void finish(int index, List<Flag> flags) {
        timeline.entity[index] = entityId >= 0 ? entityId : timeline.entities.intern(timeline.defaultEntity());
        timeline.type[index] = typeId;
        long eventTime = timeValue;
        if (flags.isEmpty()) {
            if (typeId < 0) {
                flags.add(new Flag(FlagKind.NO_TYPE, typeProblem != null ? typeProblem
                        : "none of " + String.join(", ", mapping.typeFields()) + " is present"));
            }
            if (timeProblem != null) {
                flags.add(new Flag(FlagKind.BAD_TIME, timeProblem));
            }
            if (typeId >= 0) {
                checkRequired(typeId, flags, index);
            }
        }
        timeline.eventTimeBits[index >>> 6] &= ~(1L << index);
        if (eventTime != EventTimes.NONE) {
            timeline.eventTimeBits[index >>> 6] |= 1L << index;
        }
        long broker = timeline.brokerTimeAt(index);
        long effective = eventTime != EventTimes.NONE ? eventTime
                : broker != EventTimes.NONE ? broker
                : index > 0 ? timeline.effectiveTime[index - 1] : EventTimes.NONE;
        timeline.effectiveTime[index] = effective;
    }

    private void checkRequired(int typeId, List<Flag> flags, int index) {
        while (requiredByTypeId.size() <= typeId) {
            String name = timeline.types.get(requiredByTypeId.size());
            Set<String> required = mapping.requiredFor(name.toLowerCase(Locale.ROOT));
            requiredByTypeId.add(required.stream().mapToInt(mapping.numericFields()::indexOf).sorted().toArray());
        }
        for (int field : requiredByTypeId.get(typeId)) {
            String name = mapping.numericFields().get(field);
            if (numberNotNumeric[field]) {
                flags.add(new Flag(FlagKind.NON_NUMERIC, name + " " + quoteIfText(numberRawText[field]) + " is not a number"));
            } else if (!timeline.numbers[field].isPresent(index)) {
                flags.add(new Flag(FlagKind.MISSING_FIELD, timeline.types.get(typeId) + " has no " + name));
            }
        }
    }

    private static boolean blank(char[] c, int from, int length) {
        int to = from + length;
        if (to > from && !Character.isWhitespace(c[from])) {
            return false; // the usual case, decided by the first character
        }
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(c[i])) {
                return false;
            }
        }
        return true;
    }

    private static String quoteIfText(String s) {
        return s.startsWith("a JSON") || s.startsWith("an ") ? s : "\"" + s + "\"";
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a JSON array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "null";
            default -> "not a value";
        };
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse(message);
        for (String noise : new String[] {": was expecting", " (start marker", " at [Source"}) {
            int cut = first.indexOf(noise);
            if (cut > 0) {
                first = first.substring(0, cut);
            }
        }
        return first.length() <= 120 ? first : first.substring(0, 117) + "...";
    }

    /** Signals a structurally broken object; reported like any other parse error. */
    private static final class JsonProcessingExceptionLike extends IOException {
        JsonProcessingExceptionLike(String message) {
            super(message);
        }
    }
}
