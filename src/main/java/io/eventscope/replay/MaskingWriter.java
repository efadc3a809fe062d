package io.eventscope.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a payload's JSON text with the masked values replaced, token by token over Jackson's streaming
 * API: numbers are copied as their exact text (never through a double), and a masked object or array is
 * replaced whole by the mask of its compact text. A payload that is not JSON cannot be masked in part, so
 * all of it is masked.
 */
final class MaskingWriter {
    // No limits of its own: a payload the decoder read must not be masked whole for being deep or long.
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build();
    private final Masks masks;
    private final List<String> path = new ArrayList<>();
    private final List<int[]> open = new ArrayList<>(); // per open container: next array index, or -1 for an object

    MaskingWriter(Masks masks) {
        this.masks = masks;
    }

    byte[] rewrite(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 32);
        long copied = 0; // input bytes whose tokens are written (masked) to out
        try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
            try {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    copy(p, g, t);
                    copied = p.currentLocation().getByteOffset();
                }
                g.flush();
                return out.toByteArray();
            } catch (IOException | RuntimeException e) {
                // Not JSON from some point on: keep the masked part before it, mask the rest whole. The result
                // is broken the same way, so a masked pack replays to the same type and flags.
                g.flush();
                String rest = new String(json, (int) copied, json.length - (int) copied, StandardCharsets.UTF_8);
                byte[] head = out.toByteArray();
                byte[] tail = rest.isBlank() ? new byte[0] : masks.value(rest).getBytes(StandardCharsets.UTF_8);
                byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
                System.arraycopy(tail, 0, all, head.length, tail.length);
                return all;
            }
        } catch (IOException | RuntimeException e) {
            return masks.value(new String(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
    }

    private void copy(JsonParser p, JsonGenerator g, JsonToken t) throws IOException {
        if (t == JsonToken.FIELD_NAME) {
            g.writeFieldName(p.getCurrentName());
            return;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            open.remove(open.size() - 1);
            if (!open.isEmpty()) {
                path.remove(path.size() - 1); // the closed container's place in its parent
            }
            if (t == JsonToken.END_OBJECT) {
                g.writeEndObject();
            } else {
                g.writeEndArray();
            }
            return;
        }
        boolean inside = !open.isEmpty();
        if (inside) {
            int[] parent = open.get(open.size() - 1);
            path.add(parent[0] < 0 ? p.getCurrentName() : Integer.toString(parent[0]++));
            if (masks.masksPath(path)) {
                g.writeString(masks.value(text(p, t)));
                path.remove(path.size() - 1);
                return;
            }
        }
        switch (t) {
            case START_OBJECT -> {
                g.writeStartObject();
                open.add(new int[] {-1});
                return; // its place stays on the path until it ends
            }
            case START_ARRAY -> {
                g.writeStartArray();
                open.add(new int[] {0});
                return;
            }
            case VALUE_STRING -> g.writeString(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
            case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(t == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> g.writeNull();
            default -> throw new IOException("unexpected " + t);
        }
        if (inside) {
            path.remove(path.size() - 1);
        }
    }

    /** A scalar's text, or a container's compact JSON (consumed here). */
    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return t == JsonToken.VALUE_NULL ? "null" : p.getText();
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }
}
