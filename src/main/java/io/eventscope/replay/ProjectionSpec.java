package io.eventscope.replay;

import io.eventscope.event.FieldMapping;
import io.eventscope.replay.Operation.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A projection as data: where the type, entity and time live in a payload, which state fields an
 * entity has, and how each event type changes them. Loaded from JSON by {@link ProjectionSpecReader};
 * the banking default ships as {@code assets/projections/banking.json}.
 */
public record ProjectionSpec(
        String name,
        List<String> typeFields,
        List<String> entityFields,
        List<String> timeFields,
        Map<String, StateKind> state,
        List<Rule> rules) {

    public ProjectionSpec {
        typeFields = List.copyOf(typeFields);
        entityFields = List.copyOf(entityFields);
        timeFields = List.copyOf(timeFields);
        state = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(state));
        rules = List.copyOf(rules);
    }

    /** The operations for a type name (any case); empty when the type has no effect. */
    public List<Operation> operationsFor(String type) {
        return byType().getOrDefault(type.toLowerCase(Locale.ROOT), List.of());
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
                if (op.target().equals(target) && op.op() != Op.SET) {
                    return op.field();
                }
            }
        }
        return null;
    }

    Map<String, List<Operation>> byType() {
        Map<String, List<Operation>> out = new HashMap<>();
        for (Rule r : rules) {
            for (String t : r.types()) {
                out.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(r.apply());
            }
        }
        return out;
    }

    /** What the decoder must read so that these rules can run, and what each type cannot do without. */
    public FieldMapping fieldMapping() {
        Set<String> numeric = new LinkedHashSet<>();
        Set<String> text = new LinkedHashSet<>();
        Map<String, Set<String>> required = new HashMap<>();
        byType().forEach((type, ops) -> {
            for (Operation op : ops) {
                if (state.get(op.target()) == StateKind.DECIMAL) {
                    numeric.add(op.field());
                    required.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(op.field());
                } else {
                    text.add(op.field());
                }
            }
        });
        return new FieldMapping(typeFields, entityFields, timeFields, List.copyOf(numeric), List.copyOf(text),
                required);
    }

    static Op opOf(String name) {
        return Op.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
