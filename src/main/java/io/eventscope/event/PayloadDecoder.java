package io.eventscope.event;

import java.util.List;

/**
 * Decodes payloads into a reusable {@link DecodedFields}: the fields named by a {@link FieldMapping},
 * read on the plain fast path when the payload allows it and with Jackson otherwise, then the flags for
 * what is missing or unreadable. Anything it cannot read becomes a {@link Flag}; it never throws for bad
 * input, and it never writes the timeline (the {@link ColumnWriter} does, from the fields).
 * One decoder per thread.
 */
final class PayloadDecoder {
    private final FieldMapping mapping;
    private final DecodedFields fields;
    private final FieldValueReader values;
    private final RequiredFields required;
    private final PlainPayloadReader plain;
    private final JacksonPayloadReader jackson;
    private final FieldRoles roles;
    private final HeaderValues headerValues = new HeaderValues();
    private final JacksonPayloadReader.LineRead runLineRead = this::runLineRead;
    private long linesDecodedAlone;
    // The batch being decoded by decodeLines.
    private int indexOfLine0;
    /** The buffer and line bounds of the lines {@link #decodeLines} is decoding (for {@link #runLineRead}). */
    private byte[] lineBuf;
    private int[] lineStarts;
    private int[] lineEnds;
    private DecodedFields.Sink sink;

    /**
     * Type, entity and text value ids are interned in {@code types}, {@code entities} and {@code textValues}
     * (the timeline's, shared by both decoding threads).
     *
     * @param plainScan read plain objects without Jackson (false only to compare both ways in tests)
     */
    PayloadDecoder(FieldMapping mapping, StringInterner types, StringInterner entities, StringInterner textValues,
                   boolean plainScan) {
        this.mapping = mapping;
        this.fields = new DecodedFields(mapping);
        this.values = new FieldValueReader(mapping, types, entities, textValues, fields);
        this.required = new RequiredFields(mapping, types);
        this.roles = new FieldRoles(mapping);
        this.plain = plainScan ? new PlainPayloadReader(roles, values) : null;
        this.jackson = new JacksonPayloadReader(roles, values);
    }

    /**
     * Decodes one payload. {@code sourceFlags} (what the source already knows, e.g. a dead-letter resend)
     * come first in the flags and, as any flag, stand in for the missing-field checks. The fields
     * returned are this decoder's scratch: valid until its next call.
     */
    DecodedFields decode(byte[] buf, int offset, int length, List<Flag> sourceFlags) {
        return decode(buf, offset, length, sourceFlags, null, 0, 0);
    }

    /** As above, for a message with {@code headers} (null or empty for none), which mapped headers are read from. */
    DecodedFields decode(byte[] buf, int offset, int length, List<Flag> sourceFlags, HeaderBlock headers) {
        return headers == null ? decode(buf, offset, length, sourceFlags, null, 0, 0)
                : decode(buf, offset, length, sourceFlags, headers.bytes(), 0, headers.length());
    }

    /** As above, with the packed headers in {@code headers[headerFrom, headerFrom + headerLength)} (null: none). */
    DecodedFields decode(byte[] buf, int offset, int length, List<Flag> sourceFlags, byte[] headers, int headerFrom,
                         int headerLength) {
        values.reset();
        fields.payloadAt(buf, offset, offset + length);
        fields.flags.addAll(sourceFlags);
        if (length == 0 && !sourceFlags.isEmpty()) {
            // No payload and the source already said why (a Kafka tombstone): one reason, not also "not JSON".
            finish();
            return fields;
        }
        if (plain != null && plain.accepts(buf, offset, offset + length)) {
            plain.read(buf);
        } else {
            jackson.readOne(buf, offset, length, fields.flags);
        }
        if (headerLength > 0 && roles.hasHeaders()) {
            headerValues.read(headers, headerFrom, headerFrom + headerLength, roles, values);
        }
        finish();
        return fields;
    }

    /**
     * Decodes lines {@code from..to-1} of one buffer (line k spans {@code [starts[k], ends[k])}) into
     * indexes {@code indexOfLine0 + k}, handing each to {@code sink}. Lines the plain path declines are
     * read by Jackson as runs with one parser; a line that is not exactly one object starting at its
     * first byte is decoded on its own by {@link #decode}, and the run restarts after it.
     */
    void decodeLines(byte[] buf, int[] starts, int[] ends, int from, int to, int indexOfLine0, DecodedFields.Sink sink) {
        this.indexOfLine0 = indexOfLine0;
        this.sink = sink;
        this.lineBuf = buf;
        this.lineStarts = starts;
        this.lineEnds = ends;
        int k = from;
        while (k < to) {
            if (plain != null && plain.accepts(buf, starts[k], ends[k])) {
                values.reset();
                plain.read(buf);
                finish();
                fields.payloadAt(buf, starts[k], ends[k]);
                sink.decoded(indexOfLine0 + k, fields);
                k++;
                continue;
            }
            int m = k + 1;
            while (m < to && (plain == null || !plain.accepts(buf, starts[m], ends[m]))) {
                m++;
            }
            for (int j = k; j < m; ) {
                int stop = jackson.readRun(buf, starts, ends, j, m, runLineRead);
                if (stop < m) {
                    decodeAlone(buf, starts[stop], ends[stop], indexOfLine0 + stop);
                    stop++;
                }
                j = stop;
            }
            k = m; // line m is scanned again above: a line decoded alone in the run reused the scanner
        }
        this.sink = null;
        this.lineBuf = null;
    }

    private void runLineRead(int line) {
        finish();
        fields.payloadAt(lineBuf, lineStarts[line], lineEnds[line]);
        sink.decoded(indexOfLine0 + line, fields);
    }

    private void decodeAlone(byte[] buf, int start, int end, int index) {
        linesDecodedAlone++;
        sink.decoded(index, decode(buf, start, end - start, List.of()));
    }

    /** Lines of batches that needed a parser of their own (for tests: clean lines never should). */
    long linesDecodedAlone() {
        return linesDecodedAlone;
    }

    /** Flags what a readable payload lacks; a payload already flagged is not checked further. */
    private void finish() {
        List<Flag> flags = fields.flags;
        if (!flags.isEmpty()) {
            return;
        }
        if (fields.repeatedField != null) {
            // Which of the values counts is a guess: that is the one reason, not whatever the guess lacks.
            flags.add(new Flag(FlagKind.DUPLICATE_KEY, "field " + fields.repeatedField
                    + " appears more than once in the object"));
            return;
        }
        if (fields.typeId < 0) {
            flags.add(new Flag(FlagKind.NO_TYPE, fields.typeProblem != null ? fields.typeProblem
                    : "none of " + String.join(", ", mapping.typeFields()) + " is present"));
        }
        if (fields.timeProblem != null) {
            flags.add(new Flag(FlagKind.BAD_TIME, fields.timeProblem));
        }
        if (fields.entityProblem != null) {
            flags.add(new Flag(FlagKind.BAD_ENTITY, fields.entityProblem));
        }

        DecimalValue[] numbers = fields.numbers;
        for (int f = 0; f < numbers.length; f++) {
            if (numbers[f].outOfRange()) {
                flags.add(new Flag(FlagKind.AMOUNT_OUT_OF_RANGE, mapping.numericFields().get(f) + " \""
                        + numbers[f].rejected() + "\" needs more than " + DecimalText.grouped(DecimalRange.MAX_DIGITS)
                        + " digits to be exact"));
            }
        }
        if (fields.typeId >= 0) {
            required.check(fields);
        }
    }
}
