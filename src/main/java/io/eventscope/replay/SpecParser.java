package io.eventscope.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.event.FieldRef;
import io.eventscope.replay.Operation.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a spec's JSON into a {@link ProjectionSpec}, checking it strictly: unknown keys, an undeclared
 * target, a state field nothing sets, a named payload field nothing reads, a type in two rules (in any
 * letter case), an invalid JSON Pointer and an expression that does not compile are each an error naming
 * the file and the JSON path (and, for an expression, the column).
 */
final class SpecParser {
    private static final Set<String> TOP = Set.of("name", "description", "fields", "state", "rules", "invariants",
            "mask", "clockSkew");
    private static final Set<String> ROLES = Set.of("type", "entity", "time", "id");
    private static final Set<String> RULE = Set.of("types", "when", "apply");
    private static final Set<String> OPERATION = Set.of("op", "field", "value", "to", "when");
    private static final Set<String> INVARIANT = Set.of("name", "check");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SpecNodes n;
    private final Map<String, List<String>> payloadFields = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>(); // payload names something reads
    private final Set<String> targeted = new HashSet<>();
    private Map<String, StateKind> state;
    private Set<String> known; // what an expression may name

    SpecParser(String origin) {
        this.n = new SpecNodes(origin);
    }

    ProjectionSpec parse(JsonNode root) throws ProjectionSpecException {
        if (root == null || !root.isObject()) {
            throw n.fail("(top level)", "must be a JSON object");
        }
        n.onlyKeys(root, "", TOP);
        String name = root.path("name").asText("");
        String description = root.path("description").asText("");
        JsonNode fields = n.object(n.require(root, "fields", "fields"), "fields", "{\"type\": \"type\"}");
        List<String> type = n.refs(n.require(fields, "type", "fields.type"), "fields.type");
        List<String> entity = fields.has("entity") ? n.refs(fields.get("entity"), "fields.entity") : List.of();
        List<String> time = fields.has("time") ? n.refs(fields.get("time"), "fields.time") : List.of();
        List<String> id = fields.has("id") ? n.refs(fields.get("id"), "fields.id") : List.of();
        state = state(n.require(root, "state", "state"));
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ROLES.contains(e.getKey())) {
                payloadField(e.getKey(), e.getValue());
            }
        }
        JsonNode rulesNode = n.require(root, "rules", "rules");
        if (!rulesNode.isArray()) {
            throw n.fail("rules", "must be an array of {\"types\": [...], \"apply\": [...]}");
        }
        known = knownNames(rulesNode);
        List<Rule> rules = rules(rulesNode);
        List<Invariant> invariants = root.has("invariants") ? invariants(root.get("invariants")) : List.of();
        for (String field : state.keySet()) {
            if (!targeted.contains(field)) {
                throw n.fail("state." + field, "is set by no operation (every state field needs one that sets it)");
            }
        }
        for (String field : payloadFields.keySet()) {
            if (!read.contains(field) && IDENTIFIER.matcher(field).matches()) {
                throw n.fail("fields." + field, "is read by no operation, condition or invariant");
            }
        }
        List<String> mask = root.has("mask") ? n.refs(root.get("mask"), "mask") : List.of();
        java.time.Duration skew = root.has("clockSkew") ? n.duration(root.get("clockSkew"), "clockSkew") : null;
        return new ProjectionSpec(name, description, type, entity, time, payloadFields, state, rules, invariants,
                mask, skew, id);
    }

    private Map<String, StateKind> state(JsonNode node) throws ProjectionSpecException {
        if (!node.isObject() || node.isEmpty()) {
            throw n.fail("state", "must be an object naming at least one state field, e.g. {\"balance\": \"decimal\"}");
        }
        Map<String, StateKind> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "state." + e.getKey();
            if (!IDENTIFIER.matcher(e.getKey()).matches() || ExpressionNames.BUILT_IN.contains(e.getKey())) {
                throw n.fail(at, "must be a plain name (letters, digits, _), not type or entity");
            }
            switch (e.getValue().asText("").toLowerCase(Locale.ROOT)) {
                case "decimal" -> out.put(e.getKey(), StateKind.DECIMAL);
                case "text" -> out.put(e.getKey(), StateKind.TEXT);
                default -> throw n.fail(at, SpecNodes.quote(e.getValue()) + " is not one of decimal, text");
            }
        }
        return out;
    }

    private void payloadField(String name, JsonNode value) throws ProjectionSpecException {
        String at = "fields." + name;
        if (!IDENTIFIER.matcher(name).matches()) {
            throw n.fail(at, "must be a plain name (letters, digits, _) so conditions can read it");
        }
        if (state.containsKey(name) || ExpressionNames.BUILT_IN.contains(name)) {
            throw n.fail(at, "has the name of a state field or of type/entity; give the payload field another name");
        }
        payloadFields.put(name, n.refs(value, at));
    }

    /** Payload fields, the plain-named fields operations read, state fields, type and entity. */
    private Set<String> knownNames(JsonNode rulesNode) {
        Set<String> out = new LinkedHashSet<>(ExpressionNames.BUILT_IN);
        out.addAll(state.keySet());
        out.addAll(payloadFields.keySet());
        for (JsonNode rule : rulesNode) {
            for (JsonNode op : rule.path("apply")) {
                JsonNode f = op.get("field");
                if (f != null && f.isTextual() && IDENTIFIER.matcher(f.asText()).matches()
                        && !state.containsKey(f.asText()) && !ExpressionNames.BUILT_IN.contains(f.asText())) {
                    out.add(f.asText());
                }
            }
        }
        return out;
    }

    private List<Rule> rules(JsonNode rulesNode) throws ProjectionSpecException {
        Map<String, String> typeSeenAt = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (int r = 0; r < rulesNode.size(); r++) {
            String at = "rules[" + r + "]";
            JsonNode rule = n.object(rulesNode.get(r), at, "{\"types\": [...], \"apply\": [...]}");
            n.onlyKeys(rule, at, RULE);
            List<String> types = n.names(n.require(rule, "types", at + ".types"), at + ".types");
            for (int t = 0; t < types.size(); t++) {
                String where = at + ".types[" + t + "]";
                String before = typeSeenAt.putIfAbsent(types.get(t).toLowerCase(Locale.ROOT), where);
                if (before != null) {
                    throw n.fail(where, "\"" + types.get(t) + "\" is already listed at " + before
                            + " (types match in any letter case, so its operations would run twice)");
                }
            }
            Expression when = rule.has("when") ? expression(rule.get("when"), at + ".when") : null;
            JsonNode apply = n.require(rule, "apply", at + ".apply");
            if (!apply.isArray() || apply.isEmpty()) {
                throw n.fail(at + ".apply", "must be a non-empty array of operations");
            }
            List<Operation> ops = new ArrayList<>();
            for (int o = 0; o < apply.size(); o++) {
                ops.add(operation(apply.get(o), at + ".apply[" + o + "]"));
            }
            rules.add(new Rule(types, ops, when));
        }
        return rules;
    }

    private Operation operation(JsonNode node, String at) throws ProjectionSpecException {
        n.object(node, at, "{\"op\": \"add\", \"field\": \"amount\", \"to\": \"balance\"}");
        n.onlyKeys(node, at, OPERATION);
        String opName = n.text(n.require(node, "op", at + ".op"), at + ".op");
        Op op;
        try {
            op = ProjectionSpec.opOf(opName);
        } catch (IllegalArgumentException e) {
            throw n.fail(at + ".op", "\"" + opName + "\" is not one of add, subtract, set");
        }
        String target = n.text(n.require(node, "to", at + ".to"), at + ".to");
        StateKind kind = state.get(target);
        if (kind == null) {
            throw n.fail(at + ".to", "\"" + target + "\" is not declared in state (declared: "
                    + String.join(", ", state.keySet()) + ")");
        }
        if (op != Op.SET && kind != StateKind.DECIMAL) {
            throw n.fail(at + ".op", op.name().toLowerCase(Locale.ROOT) + " needs a decimal state field, but \""
                    + target + "\" is text");
        }
        targeted.add(target);
        Expression when = node.has("when") ? expression(node.get("when"), at + ".when") : null;
        if (node.has("value")) {
            if (op != Op.SET || node.has("field")) {
                throw n.fail(at + ".value", "is for \"set\" to a constant, without \"field\"");
            }
            return new Operation(op, null, target, constant(node.get("value"), kind, at + ".value"), when);
        }
        return new Operation(op, field(n.require(node, "field", at + ".field"), at + ".field"), target, null, when);
    }

    /** The payload field an operation reads: a named one, a top-level name, or references of its own. */
    private String field(JsonNode node, String at) throws ProjectionSpecException {
        List<String> refs = n.refs(node, at);
        String only = refs.size() == 1 ? refs.get(0) : null;
        if (only != null && (payloadFields.containsKey(only) || FieldRef.parse(only).kind() == FieldRef.Kind.FIELD
                && FieldRef.parse(only).head().equals(only))) {
            read.add(only);
            return only;
        }
        String slot = String.join(" | ", refs);
        payloadFields.putIfAbsent(slot, refs);
        return slot;
    }

    private String constant(JsonNode v, StateKind kind, String at) throws ProjectionSpecException {
        if (kind == StateKind.TEXT) {
            if (!v.isValueNode() || v.isNull()) {
                throw n.fail(at, "must be a string, number or boolean");
            }
            return v.asText();
        }
        try {
            return new java.math.BigDecimal(v.isNumber() ? v.numberValue().toString() : v.asText()).toPlainString();
        } catch (NumberFormatException e) {
            throw n.fail(at, SpecNodes.quote(v) + " is not a decimal number");
        }
    }

    private List<Invariant> invariants(JsonNode node) throws ProjectionSpecException {
        if (!node.isArray()) {
            throw n.fail("invariants", "must be an array of {\"name\": ..., \"check\": ...}");
        }
        List<Invariant> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "invariants[" + i + "]";
            JsonNode inv = n.object(node.get(i), at, "{\"name\": \"no-overdraft\", \"check\": \"balance >= 0\"}");
            n.onlyKeys(inv, at, INVARIANT);
            String name = n.text(n.require(inv, "name", at + ".name"), at + ".name");
            if (!names.add(name)) {
                throw n.fail(at + ".name", "\"" + name + "\" names two invariants");
            }
            out.add(new Invariant(name, expression(n.require(inv, "check", at + ".check"), at + ".check")));
        }
        return out;
    }

    private Expression expression(JsonNode node, String at) throws ProjectionSpecException {
        String text = n.text(node, at);
        try {
            Expression e = ExpressionCompiler.compile(text, known);
            read.addAll(e.variables());
            return e;
        } catch (ExpressionCompiler.Problem p) {
            throw n.fail(at, "column " + p.column + ": " + p.getMessage());
        }
    }
}
