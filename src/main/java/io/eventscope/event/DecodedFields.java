package io.eventscope.event;

import java.util.ArrayList;
import java.util.List;

/**
 * What the decoder read from one payload, before it reaches the timeline: the decoder fills it and the
 * {@link ColumnWriter} copies it into the columns. One per decoding thread, reset for every event, so
 * a good event is decoded without allocating.
 */
final class DecodedFields {
    /** Receives each decoded event; the fields are reused for the next event once it returns. */
    interface Sink {
        void decoded(int index, DecodedFields fields);
    }

    /** Type id, or -1 when the payload has no usable type ({@link #typeProblem} may say why). */
    int typeId;
    String typeProblem;
    /** Entity id, or -1 when the payload names none (the event then belongs to the default entity). */
    int entityId;
    /** Why the entity field present is unusable (blank, an object, …), or null. */
    String entityProblem;
    /** Hash ({@link IdPositions#hash}) of the event's own id, or 0 when it has none the mapping reads. */
    long idHash;
    /**
     * Where the payload's bytes lie while it decodes ({@code payload[payloadFrom, payloadTo)}): the read buffer
     * for a file's lines, the arena for a message. Its print is taken from there, whether or not it is kept.
     */
    byte[] payload;
    int payloadFrom;
    int payloadTo;
    /** A mapped field given twice in the payload object, or null. */
    String repeatedField;
    /** Event time in epoch nanos, or {@link EventTimes#NONE} (then {@link #timeProblem} may say why). */
    long eventTime;
    String timeProblem;
    /** By index into {@link FieldMapping#numericFields()}. */
    final DecimalValue[] numbers;
    /** Text value ids by index into {@link FieldMapping#textFields()}; -1 when absent. */
    final int[] textIds;
    /** Why the event is flagged (source flags first); empty for a good event. */
    final List<Flag> flags = new ArrayList<>(4);

    DecodedFields(FieldMapping mapping) {
        numbers = new DecimalValue[mapping.numericFields().size()];
        for (int f = 0; f < numbers.length; f++) {
            numbers[f] = new DecimalValue();
        }
        textIds = new int[mapping.textFields().size()];
        reset();
    }

    /** Notes where the payload being decoded lies (see {@link #payload}). */
    void payloadAt(byte[] bytes, int from, int to) {
        payload = bytes;
        payloadFrom = from;
        payloadTo = to;
    }

    void reset() {
        typeId = -1;
        typeProblem = null;
        entityId = -1;
        entityProblem = null;
        repeatedField = null;
        idHash = 0;
        eventTime = EventTimes.NONE;
        timeProblem = null;
        for (DecimalValue n : numbers) {
            n.clear();
        }
        for (int f = 0; f < textIds.length; f++) {
            textIds[f] = -1;
        }
        flags.clear();
    }
}
