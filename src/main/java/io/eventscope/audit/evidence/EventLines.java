package io.eventscope.audit.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eventscope.event.EventTimes;
import io.eventscope.event.Flag;
import io.eventscope.event.FlagKind;
import io.eventscope.event.SourceCoordinates;
import io.eventscope.event.Timeline;
import io.eventscope.replay.ChangeStream;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The lines of a pack's {@code events.jsonl}, one per position in order: position, source coordinates,
 * broker and event time, type, entity, flags, what the event did to every state field of its entity, and
 * the exact payload (as text when it is UTF-8 JSON, else base64). Each line is rendered into a reused
 * buffer; {@link #next()} returns it without its newline, exactly the bytes the Merkle leaf hashes.
 */
public final class EventLines {
    private final Timeline timeline;
    private final ChangeStream changes;
    private final List<String> fields;
    private final Masks masks;
    private final Buffer buffer = new Buffer();
    private final JsonGenerator json;
    private final InstantText times = new InstantText();
    private byte[] scratch = new byte[1024];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    public EventLines(Timeline timeline, ProjectionSpec spec) {
        this(timeline, spec, Masks.none());
    }

    /** Lines with the masked entity ids, text state fields and payload values as {@code masks} shows them. */
    public EventLines(Timeline timeline, ProjectionSpec spec, Masks masks) {
        this.timeline = timeline;
        this.masks = masks;
        this.changes = new ChangeStream(timeline, spec);
        this.fields = changes.fields();
        try {
            this.json = new JsonFactory().setRootValueSeparator(null).createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Positions rendered so far. */
    public int position() {
        return changes.position();
    }

    /** Renders the next position's line (held by the timeline, as {@link ChangeStream#next()} says); the array is reused, valid up to {@link #length()}. */
    public byte[] next() {
        buffer.reset();
        changes.next();
        int i = changes.position() - 1 - timeline.discarded(); // held index (a streamed timeline holds one burst)
        try {
            write(i, changes.position());
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.bytes();
    }

    /** Whether the last rendered event was applied by replay (not flagged). */
    public boolean applied() {
        return changes.applied();
    }

    public String entity() {
        return changes.entity();
    }

    /** State field {@code f} of the last rendered event's entity after it (fields as {@link ChangeStream#fields()}). */
    public Object after(int f) {
        return changes.after(f);
    }

    public int length() {
        return buffer.size();
    }

    private void write(int i, int position) throws IOException {
        JsonGenerator g = json;
        g.writeStartObject();
        g.writeNumberField("position", position);
        g.writeObjectFieldStart("source");
        SourceCoordinates c = timeline.coordinatesAt(i);
        if (c.partition() != null) {
            g.writeStringField("partition", c.partition());
        }
        g.writeNumberField(c.kind().label(), c.number());
        g.writeEndObject();
        g.writeStringField("brokerTime", time(timeline.brokerTimeAt(i)));
        g.writeStringField("eventTime", timeline.hasEventTime(i) ? time(timeline.effectiveTimeAt(i)) : null);
        g.writeStringField("type", masks.type(timeline.typeName(timeline.typeIdAt(i))));
        g.writeStringField("entity", masks.entity(changes.entity()));
        List<Flag> flags = timeline.flagsAt(i);
        g.writeArrayFieldStart("flags");
        for (Flag f : flags) {
            g.writeStartObject();
            g.writeStringField("kind", f.kind().name());
            g.writeStringField("reason", masks.reason(f));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("applied", changes.applied());
        g.writeObjectFieldStart("changes");
        for (int f = 0; f < fields.size(); f++) {
            g.writeObjectFieldStart(fields.get(f));
            g.writeStringField("before", masks.field(fields.get(f), text(changes.before(f))));
            g.writeStringField("after", masks.field(fields.get(f), text(changes.after(f))));
            g.writeEndObject();
        }
        g.writeEndObject();
        writePayload(g, masks.payload(timeline.payloadAt(i)), flags);
        g.writeEndObject();
    }

    private void writePayload(JsonGenerator g, byte[] payload, List<Flag> flags) throws IOException {
        if (isJson(flags) && isUtf8(payload)) {
            g.writeFieldName("payload");
            int escaped = quotedOnly(payload);
            if (escaped >= 0) {
                g.writeRawUTF8String(scratch, 0, escaped);
            } else {
                g.writeUTF8String(payload, 0, payload.length); // escaped by the generator, never decoded to a String
            }
        } else {
            g.writeStringField("payloadBase64", Base64.getEncoder().encodeToString(payload));
        }
    }

    /**
     * A payload with no control character needs only its quotes and backslashes escaped: done here into
     * {@link #scratch}, the same bytes the generator writes, without its per-byte escape checks (the generator's
     * slow path, taken for every JSON payload since each has quotes). Returns the escaped length, or -1 when the
     * payload holds a control character (the generator escapes those).
     */
    private int quotedOnly(byte[] payload) {
        if (scratch.length < payload.length * 2) {
            scratch = new byte[Math.max(payload.length * 2, scratch.length * 2)];
        }
        byte[] out = scratch;
        int n = 0;
        for (byte b : payload) {
            if (b >= 0 && b < 0x20) {
                return -1;
            }
            if (b == '"' || b == '\\') {
                out[n++] = '\\';
            }
            out[n++] = b;
        }
        return n;
    }

    private static boolean isJson(List<Flag> flags) {
        for (Flag f : flags) {
            if (f.kind() == FlagKind.NOT_JSON || f.kind() == FlagKind.DECODING_FAILURE) {
                return false;
            }
        }
        return true;
    }

    /** Whether the payload is valid UTF-8 (ASCII, the usual case, is checked without decoding). */
    private boolean isUtf8(byte[] payload) {
        for (byte b : payload) {
            if (b < 0) {
                try {
                    utf8.decode(ByteBuffer.wrap(payload));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private String time(long nanos) {
        return nanos == EventTimes.NONE ? null : times.of(nanos);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : (String) value;
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1024);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
