package io.eventscope.source.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.event.CoordinateKind;
import io.eventscope.event.EventTimes;
import io.eventscope.event.Flag;
import io.eventscope.event.FlagKind;
import io.eventscope.event.TimelineWriter;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The events of an evidence pack's {@code events.jsonl} read back as a source: each line's exact payload,
 * source coordinates and broker time, so the loader decodes them again under the recorded projection. Of a
 * line's flags only those a source alone can know (dead-letter resends, repeated message ids) are carried
 * over; every other flag the decoder must find again by itself.
 */
public final class PackEventsSource implements EventSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path events;
    private final String displayName;
    private final String defaultEntity;
    private final CoordinateKind kind;

    public PackEventsSource(Path events, String displayName, String defaultEntity, CoordinateKind kind) {
        this.events = events;
        this.displayName = displayName;
        this.defaultEntity = defaultEntity;
        this.kind = kind;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String defaultEntity() {
        return defaultEntity;
    }

    @Override
    public CoordinateKind coordinateKind() {
        return kind;
    }

    @Override
    public void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled)
            throws SourceException {
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && !cancelled.getAsBoolean(); line = in.readLine()) {
                lineNo++;
                append(writer, JSON.readTree(line), lineNo);
            }
        } catch (IOException | RuntimeException e) {
            throw new SourceException("events.jsonl line " + lineNo + " cannot be read back (" + e.getMessage()
                    + "); the pack is damaged.");
        }
    }

    private void append(TimelineWriter writer, JsonNode line, int lineNo) throws SourceException {
        byte[] payload;
        if (line.path("payload").isTextual()) {
            payload = line.get("payload").asText().getBytes(StandardCharsets.UTF_8);
        } else if (line.path("payloadBase64").isTextual()) {
            payload = Base64.getDecoder().decode(line.get("payloadBase64").asText());
        } else {
            throw new SourceException("events.jsonl line " + lineNo + " has no payload; the pack is damaged.");
        }
        if (kind == CoordinateKind.LINE) {
            writer.appendLine(payload, 0, payload.length);
            return;
        }
        JsonNode source = line.path("source");
        String partition = source.path("partition").isTextual() ? source.get("partition").asText() : null;
        long number = source.path(kind.label()).asLong();
        String broker = line.path("brokerTime").isTextual() ? line.get("brokerTime").asText() : null;
        long brokerNanos = broker == null ? EventTimes.NONE : EventTimes.toNanos(Instant.parse(broker));
        writer.append(payload, 0, payload.length, partition, number, brokerNanos, Map.of(), sourceFlags(line));
    }

    private static List<Flag> sourceFlags(JsonNode line) {
        List<Flag> out = new ArrayList<>();
        for (JsonNode f : line.path("flags")) {
            FlagKind k;
            try {
                k = FlagKind.valueOf(f.path("kind").asText());
            } catch (IllegalArgumentException e) {
                continue; // an unknown kind cannot come from this tool; the line comparison will name it
            }
            if (k == FlagKind.DEAD_LETTER_RESEND || k == FlagKind.DUPLICATE_MESSAGE_ID) {
                String reason = f.path("reason").asText();
                String prefix = k.label() + ": ";
                out.add(new Flag(k, reason.startsWith(prefix) ? reason.substring(prefix.length()) : ""));
            }
        }
        return out;
    }
}
