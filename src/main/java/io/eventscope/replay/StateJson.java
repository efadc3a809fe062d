package io.eventscope.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON answer for "every entity's state at one moment": what {@code state --format json} prints and
 * what an evidence pack stores as {@code state.json}. One renderer, so the two can never differ.
 */
public final class StateJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateJson() {
    }

    public static String of(String sourceName, ReplayState state) {
        return of(sourceName, state, Masks.none());
    }

    /** The same with the masked entity ids and text fields as {@code masks} shows them. */
    public static String of(String sourceName, ReplayState state, Masks masks) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", sourceName);
        root.put("position", state.position());
        root.put("time", state.time() == null ? null : state.time().toString());
        root.put("flagged", state.flagged());
        Map<String, Object> entities = new LinkedHashMap<>();
        for (EntityState shown : state.entities()) {
            EntityState e = masks.state(shown);
            Map<String, Object> fields = new LinkedHashMap<>();
            e.decimals().forEach((k, v) -> fields.put(k, v.toPlainString()));
            fields.putAll(e.texts());
            fields.put("events", e.events());
            fields.put("lastChange", e.lastChange() == null ? null : e.lastChange().toString());
            fields.put("lastPosition", e.lastPosition());
            entities.put(e.entity(), fields);
        }
        root.put("entities", entities);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
