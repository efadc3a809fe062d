package io.eventscope.replay;

import io.eventscope.event.Timeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A projection's rules resolved against one timeline's column and type ids, so the fold looks up an
 * int array per event instead of lower-casing strings. The only place that turns a spec's rules into
 * what an event does: {@link StateTable#evolve} interprets these opcodes (and the conditions beside
 * them) for the replay and for {@link Effects} alike.
 */
final class CompiledRules {
    static final int ADD = 0;
    static final int SUBTRACT = 1;
    static final int SET_DECIMAL = 2;
    static final int SET_TEXT = 3;
    /** Set a decimal state field to constant {@code source} of {@link #decimalConstant}. */
    static final int SET_DECIMAL_CONSTANT = 4;
    /** Set a text state field to constant {@code source}, stored as text id {@link #constantTextId}. */
    static final int SET_TEXT_CONSTANT = 5;
    private static final TypeRules NO_EFFECT = new TypeRules(new int[0], null, null);

    /** What one event type does: opcode triples (opcode, source, target), and the conditions on them. */
    record TypeRules(int[] ops, Expression when, Expression[] opWhen) {
        boolean conditional() {
            return when != null || opWhen != null;
        }
    }

    private final ProjectionSpec spec;
    private final Timeline timeline;
    private final List<String> decimalFields = new ArrayList<>();
    private final List<String> textFields = new ArrayList<>();
    private final List<BigDecimal> decimalConstants = new ArrayList<>();
    private final List<String> textConstants = new ArrayList<>();
    private final Map<String, Rule> byType;
    private final Variables variables;
    /**
     * Per type id. Volatile and only ever replaced by a grown copy, so readers on other threads (chart,
     * table sort) need no lock.
     */
    private volatile TypeRules[] rulesByType = new TypeRules[0];

    CompiledRules(ProjectionSpec spec, Timeline timeline) {
        this.spec = spec;
        this.timeline = timeline;
        spec.state().forEach((name, kind) -> (kind == StateKind.DECIMAL ? decimalFields : textFields).add(name));
        byType = spec.byType();
        variables = new Variables(this, timeline);
    }

    ProjectionSpec spec() {
        return spec;
    }

    List<String> decimalFields() {
        return decimalFields;
    }

    List<String> textFields() {
        return textFields;
    }

    Variables variables() {
        return variables;
    }

    boolean hasInvariants() {
        return !spec.invariants().isEmpty();
    }

    /** Index of the spec's primary decimal field among {@link #decimalFields()}, or -1. */
    int primaryField() {
        return decimalFields.indexOf(spec.primaryField());
    }

    BigDecimal decimalConstant(int k) {
        return decimalConstants.get(k);
    }

    /** Text ids of constants are negative ({@code -2 - k}), apart from the timeline's ids and from -1 (none). */
    static int constantTextId(int k) {
        return -2 - k;
    }

    /** A text state cell's value: a timeline text id, a constant's id, or -1 for none (null). */
    String textOf(int id) {
        if (id >= 0) {
            return timeline.textValue(id);
        }
        return id == -1 ? null : textConstants.get(-2 - id);
    }

    /** Operations for {@code typeId} (any thread). */
    int[] opsFor(int typeId) {
        return rulesFor(typeId).ops();
    }

    /** Operations and conditions for {@code typeId} (any thread). */
    TypeRules rulesFor(int typeId) {
        TypeRules[] rules = rulesByType;
        if (typeId >= rules.length) {
            rules = grow(typeId + 1);
        }
        return rules[typeId];
    }

    private synchronized TypeRules[] grow(int n) {
        TypeRules[] current = rulesByType;
        if (n <= current.length) {
            return current;
        }
        int old = current.length;
        TypeRules[] grown = Arrays.copyOf(current, Math.max(n, timeline.typeCount()));
        for (int t = old; t < grown.length; t++) {
            Rule rule = byType.get(timeline.typeName(t).toLowerCase(Locale.ROOT));
            grown[t] = rule == null ? NO_EFFECT : compile(rule);
        }
        rulesByType = grown; // published whole: a reader never sees a half-filled array
        return grown;
    }

    private TypeRules compile(Rule rule) {
        List<Operation> ops = rule.apply();
        if (ops.size() > 64) {
            throw new IllegalStateException("a rule has more than 64 operations");
        }
        int[] out = new int[ops.size() * 3];
        Expression[] when = new Expression[ops.size()];
        boolean anyWhen = false;
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            boolean decimal = spec.state().get(op.target()) == StateKind.DECIMAL;
            if (op.field() == null) {
                out[3 * k] = decimal ? SET_DECIMAL_CONSTANT : SET_TEXT_CONSTANT;
                out[3 * k + 1] = decimal ? add(decimalConstants, new BigDecimal(op.value()))
                        : constantTextId(add(textConstants, op.value()));
            } else {
                out[3 * k] = switch (op.op()) {
                    case ADD -> ADD;
                    case SUBTRACT -> SUBTRACT;
                    case SET -> decimal ? SET_DECIMAL : SET_TEXT;
                };
                out[3 * k + 1] = decimal ? timeline.numericFieldIndex(op.field())
                        : timeline.textFieldIndex(op.field());
            }
            out[3 * k + 2] = decimal ? decimalFields.indexOf(op.target()) : textFields.indexOf(op.target());
            when[k] = op.when();
            anyWhen |= op.when() != null;
        }
        return new TypeRules(out, rule.when(), anyWhen ? when : null);
    }

    private static <T> int add(List<T> list, T value) {
        list.add(value);
        return list.size() - 1;
    }
}
