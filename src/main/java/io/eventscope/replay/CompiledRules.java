package io.eventscope.replay;

import io.eventscope.event.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A projection's rules resolved against one timeline's column and type ids, so the fold looks up an
 * int array per event instead of lower-casing strings. The only place that turns a spec's rules into
 * what an event does: {@link StateTable#evolve} interprets these opcodes for the replay and for
 * {@link Effects} alike.
 */
final class CompiledRules {
    static final int ADD = 0;
    static final int SUBTRACT = 1;
    static final int SET_DECIMAL = 2;
    static final int SET_TEXT = 3;
    private static final int[] NO_EFFECT = new int[0];

    private final ProjectionSpec spec;
    private final Timeline timeline;
    private final List<String> decimalFields = new ArrayList<>();
    private final List<String> textFields = new ArrayList<>();
    private final Map<String, List<Operation>> byType;
    /**
     * Per type id: triples (opcode, source column, target state field). Volatile and only ever replaced
     * by a grown copy, so readers on other threads (chart, table sort) need no lock.
     */
    private volatile int[][] opsByType = new int[0][];

    CompiledRules(ProjectionSpec spec, Timeline timeline) {
        this.spec = spec;
        this.timeline = timeline;
        spec.state().forEach((name, kind) -> (kind == StateKind.DECIMAL ? decimalFields : textFields).add(name));
        byType = spec.byType();
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

    /** Index of the spec's primary decimal field among {@link #decimalFields()}, or -1. */
    int primaryField() {
        return decimalFields.indexOf(spec.primaryField());
    }

    /** Operations for {@code typeId} (any thread). */
    int[] opsFor(int typeId) {
        int[][] ops = opsByType;
        if (typeId >= ops.length) {
            ops = grow(typeId + 1);
        }
        return ops[typeId];
    }

    private synchronized int[][] grow(int n) {
        int[][] current = opsByType;
        if (n <= current.length) {
            return current;
        }
        int old = current.length;
        int[][] grown = java.util.Arrays.copyOf(current, Math.max(n, timeline.typeCount()));
        for (int t = old; t < grown.length; t++) {
            List<Operation> ops = byType.get(timeline.typeName(t).toLowerCase(java.util.Locale.ROOT));
            grown[t] = ops == null ? NO_EFFECT : compile(ops);
        }
        opsByType = grown; // published whole: a reader never sees a half-filled array
        return grown;
    }

    private int[] compile(List<Operation> ops) {
        int[] out = new int[ops.size() * 3];
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            boolean decimal = spec.state().get(op.target()) == StateKind.DECIMAL;
            out[3 * k] = switch (op.op()) {
                case ADD -> ADD;
                case SUBTRACT -> SUBTRACT;
                case SET -> decimal ? SET_DECIMAL : SET_TEXT;
            };
            out[3 * k + 1] = decimal ? timeline.numericFieldIndex(op.field()) : timeline.textFieldIndex(op.field());
            out[3 * k + 2] = decimal ? decimalFields.indexOf(op.target()) : textFields.indexOf(op.target());
        }
        return out;
    }
}
