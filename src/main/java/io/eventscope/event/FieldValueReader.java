package io.eventscope.event;

import com.fasterxml.jackson.core.JsonToken;
import java.time.DateTimeException;

/**
 * Applies field values to the {@link DecodedFields} of the event being decoded: type, entity and time
 * take the first alias of the mapping present in the payload (whatever the payload's field order),
 * numbers are read exactly, text values and entity ids are interned, the event's own id is hashed. Both parse paths hand values here as a
 * char slice, so they read every value the same way.
 */
final class FieldValueReader {
    private static final int NOT_FOUND = Integer.MAX_VALUE;

    private final FieldMapping mapping;
    private final StringInterner types;
    private final StringInterner entities;
    private final StringInterner textValues;
    private final DecodedFields fields;
    // Rank (in the mapping's alias list) of the alias that set each single-valued role so far.
    private int typeAlias;
    private int entityAlias;
    private int timeAlias;
    private int idAlias;
    // The same per numeric and text field: which of its alternatives was read, valid only while its
    // stamp equals the event's (so starting an event is one increment, not a fill per field).
    private final int[] numberRank;
    private final int[] numberStamp;
    private final int[] textRank;
    private final int[] textStamp;
    private int event;

    FieldValueReader(FieldMapping mapping, StringInterner types, StringInterner entities, StringInterner textValues,
                     DecodedFields fields) {
        this.mapping = mapping;
        this.types = types;
        this.entities = entities;
        this.textValues = textValues;
        this.fields = fields;
        this.numberRank = new int[mapping.numericFields().size()];
        this.numberStamp = new int[numberRank.length];
        this.textRank = new int[mapping.textFields().size()];
        this.textStamp = new int[textRank.length];
    }

    /** Starts a new event. */
    void reset() {
        typeAlias = NOT_FOUND;
        entityAlias = NOT_FOUND;
        timeAlias = NOT_FOUND;
        idAlias = NOT_FOUND;
        if (++event == 0) {
            // After 2^32 events a stale stamp could match again: clear them all once.
            java.util.Arrays.fill(numberStamp, 0);
            java.util.Arrays.fill(textStamp, 0);
            event = 1;
        }
        fields.reset();
    }

    /**
     * Applies one field value to each of its {@code roles} (triples from {@link FieldRoles}).
     * {@code c[off, off+len)} is the value's text for scalar values (string content, number as written,
     * true/false); {@code c} is null for objects and arrays.
     */
    void read(JsonToken value, char[] c, int off, int len, int[] roles) {
        for (int k = 0; k < roles.length; k += 3) {
            read(value, c, off, len, roles[k], roles[k + 1], roles[k + 2]);
        }
    }

    private void read(JsonToken value, char[] c, int off, int len, int role, int which, int rank) {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        switch (role) {
            case FieldRoles.TYPE -> {
                if (which == typeAlias) {
                    repeated(mapping.typeFields().get(which));
                } else if (which < typeAlias) {
                    typeAlias = which;
                    readType(value, c, off, len, which);
                }
            }
            case FieldRoles.ENTITY -> {
                if (which == entityAlias) {
                    repeated(mapping.entityFields().get(which));
                } else if (which < entityAlias) {
                    entityAlias = which;
                    readEntity(value, c, off, len, which);
                }
            }
            case FieldRoles.TIME -> {
                if (which == timeAlias) {
                    repeated(mapping.timeFields().get(which));
                } else if (which < timeAlias) {
                    timeAlias = which;
                    readTime(value, c, off, len, mapping.timeFields().get(which));
                }
            }
            case FieldRoles.ID -> {
                if (which == idAlias) {
                    repeated(mapping.idFields().get(which));
                } else if (which < idAlias) {
                    idAlias = which;
                    // A string or a number as written; anything else is no id (the event is not checked).
                    boolean usable = (value == JsonToken.VALUE_STRING && !blank(c, off, len)) || value.isNumeric();
                    fields.idHash = usable ? IdPositions.hash(c, off, len) : 0;
                }
            }
            case FieldRoles.NUMBER -> {
                // An earlier alternative wins; the same one given twice (a repeated key) flags the event.
                if (numberStamp[which] != event || rank < numberRank[which]) {
                    numberStamp[which] = event;
                    numberRank[which] = rank;
                    readNumber(value, c, off, len, fields.numbers[which]);
                } else if (rank == numberRank[which]) {
                    repeated(mapping.numericFields().get(which));
                }
            }
            case FieldRoles.TEXT -> {
                if (value.isScalarValue() && (textStamp[which] != event || rank < textRank[which])) {
                    textStamp[which] = event;
                    textRank[which] = rank;
                    fields.textIds[which] = textValues.intern(c, off, len);
                } else if (value.isScalarValue() && rank == textRank[which]) {
                    repeated(mapping.textFields().get(which));
                }
            }
            default -> throw new IllegalStateException("role " + role);
        }
    }

    /** A field the mapping reads given twice in one object: which value counts is a guess, so the event is flagged. */
    private void repeated(String field) {
        if (fields.repeatedField == null) {
            fields.repeatedField = field;
        }
    }

    /**
     * Entity ids are JSON strings, or numbers taken as written ({@code 42} is entity "42"); anything else
     * (blank text, an object, an array, a boolean) is flagged rather than sent to the default entity.
     */
    private void readEntity(JsonToken value, char[] c, int off, int len, int which) {
        if ((value == JsonToken.VALUE_STRING && !blank(c, off, len)) || value.isNumeric()) {
            fields.entityId = entities.intern(c, off, len);
        } else {
            fields.entityProblem = mapping.entityFields().get(which) + " is "
                    + (value == JsonToken.VALUE_STRING ? "blank" : FlagWording.describe(value)) + ", not an entity id";
        }
    }

    private void readType(JsonToken value, char[] c, int off, int len, int which) {
        if (value == JsonToken.VALUE_STRING && !blank(c, off, len)) {
            fields.typeId = types.intern(c, off, len);
            fields.typeProblem = null;
        } else {
            fields.typeId = -1;
            fields.typeProblem = "field " + mapping.typeFields().get(which) + " is "
                    + (value == JsonToken.VALUE_STRING ? "blank" : FlagWording.describe(value)) + ", not a type name";
        }
    }

    private void readTime(JsonToken value, char[] c, int off, int len, String field) {
        fields.timeProblem = null;
        fields.eventTime = EventTimes.NONE;
        try {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                fields.eventTime = EventTimes.fromEpochMillis(parseLong(c, off, len));
            } else if (value == JsonToken.VALUE_STRING) {
                long fast = IsoInstant.parseNanos(c, off, len);
                fields.eventTime = fast != IsoInstant.UNSUPPORTED ? fast : EventTimes.parse(new String(c, off, len));
            } else {
                fields.timeProblem = field + " is " + FlagWording.describe(value);
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            fields.timeProblem = field + " \"" + FlagWording.clip(new String(c, off, len))
                    + "\" is not an ISO-8601 instant or epoch millis";
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

    private static void readNumber(JsonToken value, char[] c, int off, int len, DecimalValue number) {
        boolean ok = (value.isNumeric() || value == JsonToken.VALUE_STRING) && number.parse(c, off, len);
        if (!ok) {
            number.reject(value.isScalarValue() ? FlagWording.clip(new String(c, off, len)) : FlagWording.describe(value));
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
}
