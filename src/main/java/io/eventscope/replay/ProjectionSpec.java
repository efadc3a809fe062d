package io.eventscope.replay;

import io.eventscope.event.FieldMapping;
import io.eventscope.replay.Operation.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A projection as data: where the type, entity and time live in a payload, the payload fields it reads
 * (each a list of references, first present wins), which state fields an entity has, how each event
 * type changes them and under what condition, and the invariants the history must keep. Loaded from
 * JSON by {@link ProjectionSpecReader}; the bundled ones ship in {@code assets/projections/}.
 *
 * @param payloadFields payload fields by name, each read from its references (a top-level field, a
 *                      JSON Pointer or {@code header:NAME}); a field an operation names that is not here
 *                      is the top-level field of that name
 * @param mask          references of sensitive values ({@link Masks}): shown masked, never folded masked
 * @param clockSkew     how far event time and broker time may disagree before it is a finding
 * @param idFields      where an event's own id lives (first present wins); a repeated id is flagged,
 *                      not applied twice; empty when the events carry none
 */
public record ProjectionSpec(
        String name,
        String description,
        List<String> typeFields,
        List<String> entityFields,
        List<String> timeFields,
        Map<String, List<String>> payloadFields,
        Map<String, StateKind> state,
        List<Rule> rules,
        List<Invariant> invariants,
        List<String> mask,
        java.time.Duration clockSkew,
        List<String> idFields) {

    /** The clock skew tolerated when a spec names none. */
    public static final java.time.Duration DEFAULT_CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /** A spec without masked fields, tolerating the default clock skew. */
    public ProjectionSpec(String name, String description, List<String> typeFields, List<String> entityFields,
                          List<String> timeFields, Map<String, List<String>> payloadFields,
                          Map<String, StateKind> state, List<Rule> rules, List<Invariant> invariants) {
        this(name, description, typeFields, entityFields, timeFields, payloadFields, state, rules, invariants,
                List.of(), DEFAULT_CLOCK_SKEW);
    }

    /** A spec whose events carry no id of their own. */
    public ProjectionSpec(String name, String description, List<String> typeFields, List<String> entityFields,
                          List<String> timeFields, Map<String, List<String>> payloadFields,
                          Map<String, StateKind> state, List<Rule> rules, List<Invariant> invariants,
                          List<String> mask, java.time.Duration clockSkew) {
        this(name, description, typeFields, entityFields, timeFields, payloadFields, state, rules, invariants,
                mask, clockSkew, List.of());
    }

    public ProjectionSpec {
        mask = List.copyOf(mask);
        idFields = List.copyOf(idFields);
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        typeFields = List.copyOf(typeFields);
        entityFields = List.copyOf(entityFields);
        timeFields = List.copyOf(timeFields);
        payloadFields = Collections.unmodifiableMap(new LinkedHashMap<>(payloadFields));
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        rules = List.copyOf(rules);
        invariants = List.copyOf(invariants);
    }

    /** This spec tolerating {@code skew} between event time and broker time instead. */
    public ProjectionSpec withClockSkew(java.time.Duration skew) {
        return new ProjectionSpec(name, description, typeFields, entityFields, timeFields, payloadFields, state, rules,
                invariants, mask, skew, idFields);
    }

    /** The operations for a type name (any case); empty when the type has no effect. */
    public List<Operation> operationsFor(String type) {
        Rule r = ruleFor(type);
        return r == null ? List.of() : r.apply();
    }

    /** The rule for a type name (any case; a spec lists each type in one rule at most), or null. */
    public Rule ruleFor(String type) {
        return byType().get(type.toLowerCase(Locale.ROOT));
    }

    /**
     * The first decimal state field: the one charted and shown as an entity's headline number (the
     * banking spec's "balance"); null when the spec has no decimal field.
     */
    public String primaryField() {
        return state.entrySet().stream().filter(e -> e.getValue() == StateKind.DECIMAL)
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * The payload field the first add or subtract into {@link #primaryField()} reads (the banking spec's
     * "amount"): what the timeline shows as an event's operand; null when no rule adds into it.
     */
    public String primaryOperandField() {
        String target = primaryField();
        for (Rule r : rules) {
            for (Operation op : r.apply()) {
                if (op.target().equals(target) && op.op() != Op.SET && op.field() != null) {
                    return op.field();
                }
            }
        }
        return null;
    }

    Map<String, Rule> byType() {
        Map<String, Rule> out = new HashMap<>();
        for (Rule r : rules) {
            for (String t : r.types()) {
                out.putIfAbsent(t.toLowerCase(Locale.ROOT), r);
            }
        }
        return out;
    }

    /** Every condition and invariant check of the spec. */
    List<Expression> expressions() {
        List<Expression> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.when() != null) {
                out.add(r.when());
            }
            for (Operation op : r.apply()) {
                if (op.when() != null) {
                    out.add(op.when());
                }
            }
        }
        invariants.forEach(i -> out.add(i.check()));
        return out;
    }

    /** What the decoder must read so that these rules can run, and what each type cannot do without. */
    public FieldMapping fieldMapping() {
        Set<String> numeric = new LinkedHashSet<>();
        Set<String> text = new LinkedHashSet<>();
        Map<String, Set<String>> required = new HashMap<>();
        byType().forEach((type, rule) -> {
            for (Operation op : rule.apply()) {
                if (op.field() == null) {
                    continue;
                }
                if (state.get(op.target()) == StateKind.DECIMAL) {
                    numeric.add(op.field());
                    required.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(op.field());
                } else {
                    text.add(op.field());
                }
            }
        });
        for (Expression e : expressions()) {
            for (String v : e.variables()) {
                if (isPayloadName(v) && !numeric.contains(v)) {
                    text.add(v); // read by a condition only: kept as the value's text
                }
            }
        }
        return new FieldMapping(typeFields, entityFields, timeFields, List.copyOf(numeric), List.copyOf(text),
                required, payloadFields, idFields);
    }

    /** True when {@code name} is a payload field an expression may read (not state, type or entity). */
    boolean isPayloadName(String name) {
        return !state.containsKey(name) && !ExpressionNames.BUILT_IN.contains(name);
    }

    static Op opOf(String name) {
        return Op.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
