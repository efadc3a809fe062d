package io.eventscope.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.ArrayList;
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
        this.timeline = timeline;
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
            k = decodeRun(buf, starts, ends, k, to, indexOfLine0, sink, flags);
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
            for (int k = 0; k < r.length; k += 2) {
                readValue(p, value, r[k], r[k + 1], index);
            }
            p.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonProcessingExceptionLike("unexpected " + t);
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

    private void readValue(JsonParser p, JsonToken value, int role, int which, int index) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        switch (role) {
            case TYPE -> {
                if (which < typeAlias) {
                    typeAlias = which;
                    if (value == JsonToken.VALUE_STRING && !blank(p)) {
                        typeId = timeline.types.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        typeProblem = null;
                    } else {
                        typeId = -1;
                        typeProblem = "field " + mapping.typeFields().get(which) + " is "
                                + (value == JsonToken.VALUE_STRING ? "blank" : describe(value)) + ", not a type name";
                    }
                }
            }
            case ENTITY -> {
                if (which < entityAlias && (value == JsonToken.VALUE_STRING || value.isNumeric())
                        && p.getTextLength() > 0) {
                    entityAlias = which;
                    entityId = timeline.entities.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
            }
            case TIME -> {
                if (which < timeAlias) {
                    timeAlias = which;
                    readTime(p, value, mapping.timeFields().get(which));
                }
            }
            case NUMBER -> readNumber(p, value, which, index);
            case TEXT -> {
                if (value.isScalarValue()) {
                    timeline.texts[which][index] = timeline.textValues.intern(p.getText());
                }
            }
            default -> throw new IllegalStateException("role " + role);
        }
    }

    private void readTime(JsonParser p, JsonToken value, String field) throws IOException {
        timeProblem = null;
        timeValue = EventTimes.NONE;
        try {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                timeValue = EventTimes.fromEpochMillis(p.getLongValue());
            } else if (value == JsonToken.VALUE_STRING) {
                long fast = IsoInstant.parseNanos(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                timeValue = fast != IsoInstant.UNSUPPORTED ? fast : EventTimes.parse(p.getText());
            } else {
                timeProblem = field + " is " + describe(value);
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException
                 | com.fasterxml.jackson.core.exc.InputCoercionException e) {
            timeProblem = field + " \"" + clip(p.getText()) + "\" is not an ISO-8601 instant or epoch millis";
        }
    }

    private void readNumber(JsonParser p, JsonToken value, int field, int index) throws IOException {
        DecimalColumn column = timeline.numbers[field];
        boolean ok = (value.isNumeric() || value == JsonToken.VALUE_STRING)
                && column.parseInto(index, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        numberNotNumeric[field] = !ok;
        if (!ok) {
            column.clear(index);
            numberRawText[field] = value.isScalarValue() ? clip(p.getText()) : describe(value);
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

    private static boolean blank(JsonParser p) throws IOException {
        char[] c = p.getTextCharacters();
        int from = p.getTextOffset();
        int to = from + p.getTextLength();
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
