package io.eventscope.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.replay.Operation.Op;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a projection spec from JSON and checks it, reporting the first problem with its place, e.g.
 * {@code my.json: rules[2].apply[0].op: "mul" is not one of add, subtract, set}.
 */
public final class ProjectionSpecReader {
    private static final String BUNDLED = "/io/eventscope/assets/projections/banking.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String origin;

    private ProjectionSpecReader(String origin) {
        this.origin = origin;
    }

    /** The banking default that ships inside the application. */
    public static ProjectionSpec banking() {
        try (InputStream in = ProjectionSpecReader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled projection " + BUNDLED + " is missing from the build");
            }
            return new ProjectionSpecReader("banking.json").read(JSON.readTree(in));
        } catch (IOException | ProjectionSpecException e) {
            throw new IllegalStateException("bundled projection is broken: " + e.getMessage(), e);
        }
    }

    /** The bundled banking spec's text, exactly as shipped (what an evidence pack records). */
    public static String bankingText() {
        try (InputStream in = ProjectionSpecReader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled projection " + BUNDLED + " is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("bundled projection cannot be read: " + e.getMessage(), e);
        }
    }

    public static ProjectionSpec read(Path file) throws ProjectionSpecException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        ProjectionSpecReader reader = new ProjectionSpecReader(name);
        try {
            return reader.read(JSON.readTree(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new ProjectionSpecException("Projection spec " + file + " does not exist.");
        } catch (JsonProcessingException e) {
            throw new ProjectionSpecException("Projection spec " + name + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw new ProjectionSpecException("Projection spec " + file + " cannot be read: " + e.getMessage());
        }
    }

    public static ProjectionSpec parse(String json, String origin) throws ProjectionSpecException {
        try {
            return new ProjectionSpecReader(origin).read(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new ProjectionSpecException("Projection spec " + origin + " is not valid JSON.");
        }
    }

    private ProjectionSpec read(JsonNode root) throws ProjectionSpecException {
        if (root == null || !root.isObject()) {
            throw fail("(top level)", "must be a JSON object");
        }
        String name = root.path("name").asText(origin);
        JsonNode fields = require(root, "fields", "fields");
        List<String> type = names(fields, "type", "fields.type");
        List<String> entity = fields.has("entity") ? names(fields, "entity", "fields.entity") : List.of();
        List<String> time = fields.has("time") ? names(fields, "time", "fields.time") : List.of();

        JsonNode stateNode = require(root, "state", "state");
        if (!stateNode.isObject() || stateNode.isEmpty()) {
            throw fail("state", "must be an object naming at least one state field, e.g. {\"balance\": \"decimal\"}");
        }
        Map<String, StateKind> state = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stateNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String kind = e.getValue().asText("").toLowerCase(Locale.ROOT);
            switch (kind) {
                case "decimal" -> state.put(e.getKey(), StateKind.DECIMAL);
                case "text" -> state.put(e.getKey(), StateKind.TEXT);
                default -> throw fail("state." + e.getKey(), quote(e.getValue()) + " is not one of decimal, text");
            }
        }

        JsonNode rulesNode = require(root, "rules", "rules");
        if (!rulesNode.isArray()) {
            throw fail("rules", "must be an array of {\"types\": [...], \"apply\": [...]}");
        }
        List<Rule> rules = new ArrayList<>();
        for (int r = 0; r < rulesNode.size(); r++) {
            String at = "rules[" + r + "]";
            JsonNode rule = rulesNode.get(r);
            List<String> types = names(rule, "types", at + ".types");
            JsonNode apply = require(rule, "apply", at + ".apply");
            if (!apply.isArray() || apply.isEmpty()) {
                throw fail(at + ".apply", "must be a non-empty array of operations");
            }
            List<Operation> ops = new ArrayList<>();
            for (int o = 0; o < apply.size(); o++) {
                ops.add(operation(apply.get(o), at + ".apply[" + o + "]", state));
            }
            rules.add(new Rule(types, ops));
        }
        return new ProjectionSpec(name, type, entity, time, state, rules);
    }

    private Operation operation(JsonNode node, String at, Map<String, StateKind> state)
            throws ProjectionSpecException {
        if (node == null || !node.isObject()) {
            throw fail(at, "must be an object like {\"op\": \"add\", \"field\": \"amount\", \"to\": \"balance\"}");
        }
        String opName = require(node, "op", at + ".op").asText();
        Op op;
        try {
            op = ProjectionSpec.opOf(opName);
        } catch (IllegalArgumentException e) {
            throw fail(at + ".op", "\"" + opName + "\" is not one of add, subtract, set");
        }
        String field = text(require(node, "field", at + ".field"), at + ".field");
        String target = text(require(node, "to", at + ".to"), at + ".to");
        StateKind kind = state.get(target);
        if (kind == null) {
            throw fail(at + ".to", "\"" + target + "\" is not declared in state (declared: "
                    + String.join(", ", state.keySet()) + ")");
        }
        if (op != Op.SET && kind != StateKind.DECIMAL) {
            throw fail(at + ".op", op.name().toLowerCase(Locale.ROOT) + " needs a decimal state field, but \""
                    + target + "\" is text");
        }
        return new Operation(op, field, target);
    }

    private JsonNode require(JsonNode parent, String key, String at) throws ProjectionSpecException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw fail(at, "is missing");
        }
        return n;
    }

    private String text(JsonNode n, String at) throws ProjectionSpecException {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw fail(at, "must be a non-empty string");
        }
        return n.asText();
    }

    /** A string or an array of strings (aliases, first present wins). */
    private List<String> names(JsonNode parent, String key, String at) throws ProjectionSpecException {
        JsonNode n = require(parent, key, at);
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(text(n, at));
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(text(n.get(i), at + "[" + i + "]"));
            }
        } else {
            throw fail(at, "must be a string or a non-empty array of strings");
        }
        return out;
    }

    private static String quote(JsonNode n) {
        return n.isTextual() ? "\"" + n.asText() + "\"" : n.toString();
    }

    private ProjectionSpecException fail(String at, String problem) {
        return new ProjectionSpecException("Projection spec " + origin + ": " + at + " " + problem + ".");
    }
}
