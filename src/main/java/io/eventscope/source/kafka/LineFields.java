package io.eventscope.source.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.eventscope.event.EventTimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** For {@code produce}: the key field's text and the event time of one JSON line, if it has them. */
final class LineFields {
    record Read(byte[] key, long millis) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private final String keyField;
    private final List<String> timeFields;

    LineFields(String keyField, List<String> timeFields) {
        this.keyField = keyField;
        this.timeFields = List.copyOf(timeFields);
    }

    /** Top-level fields only; a line that is not a JSON object has neither ({@code millis} = MIN_VALUE). */
    Read read(byte[] line) {
        String key = null;
        long millis = Long.MIN_VALUE;
        int timeRank = Integer.MAX_VALUE;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Read(null, millis);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int rank = timeFields.indexOf(name);
                if (name.equals(keyField) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    key = p.getText();
                } else if (rank >= 0 && rank < timeRank && value.isScalarValue()) {
                    long nanos = time(p, value);
                    if (nanos != EventTimes.NONE) {
                        millis = Math.floorDiv(nanos, 1_000_000L);
                        timeRank = rank;
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // a malformed line keeps what was read before the fault
        }
        return new Read(key == null ? null : key.getBytes(StandardCharsets.UTF_8), millis);
    }

    private static long time(JsonParser p, JsonToken value) throws IOException {
        try {
            return value == JsonToken.VALUE_NUMBER_INT ? EventTimes.fromEpochMillis(p.getLongValue())
                    : EventTimes.parse(p.getText());
        } catch (RuntimeException e) {
            return EventTimes.NONE;
        }
    }
}
