package io.eventscope.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A spec written back as the JSON {@link ProjectionSpecReader} reads: for callers that hold a spec but not
 * the text it came from (the viewer's evidence export). Reading the result gives an equal spec.
 */
public final class ProjectionSpecWriter {
    private ProjectionSpecWriter() {
    }

    /**
     * The text an evidence pack records for {@code spec}: a bundled spec's shipped text, else the written
     * form, but only when reading it back gives this very spec (conditions, invariants and named payload
     * fields are not written, so such a spec is refused rather than recorded wrong).
     */
    public static String recordable(ProjectionSpec spec) throws ProjectionSpecException {
        for (String name : ProjectionSpecReader.BUNDLED) {
            if (spec.equals(ProjectionSpecReader.named(name))) {
                return ProjectionSpecReader.bundledText(name);
            }
        }
        String text = json(spec);
        if (!ProjectionSpecReader.parse(text, spec.name()).equals(spec)) {
            throw new ProjectionSpecException("The projection " + spec.name() + " uses conditions, invariants or "
                    + "named payload fields that the viewer cannot record in a pack; export it with eventscope "
                    + "export SOURCE --projection FILE instead.");
        }
        return text;
    }

    public static String json(ProjectionSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", spec.name());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", spec.typeFields());
        if (!spec.entityFields().isEmpty()) {
            fields.put("entity", spec.entityFields());
        }
        if (!spec.timeFields().isEmpty()) {
            fields.put("time", spec.timeFields());
        }
        if (!spec.idFields().isEmpty()) {
            fields.put("id", spec.idFields());
        }
        root.put("fields", fields);
        Map<String, Object> state = new LinkedHashMap<>();
        spec.state().forEach((k, v) -> state.put(k, v.name().toLowerCase(Locale.ROOT)));
        root.put("state", state);
        List<Object> rules = new ArrayList<>();
        for (Rule r : spec.rules()) {
            List<Object> ops = new ArrayList<>();
            for (Operation op : r.apply()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("op", op.op().name().toLowerCase(Locale.ROOT));
                o.put("field", op.field());
                o.put("to", op.target());
                ops.add(o);
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("types", r.types());
            rule.put("apply", ops);
            rules.add(rule);
        }
        root.put("rules", rules);
        if (!spec.mask().isEmpty()) {
            root.put("mask", spec.mask());
        }
        if (!spec.clockSkew().equals(ProjectionSpec.DEFAULT_CLOCK_SKEW)) {
            root.put("clockSkew", spec.clockSkew().toString());
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
