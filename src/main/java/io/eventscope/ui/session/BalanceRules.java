package io.eventscope.ui.session;

import io.eventscope.event.Timeline;
import io.eventscope.replay.Operation;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.StateKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How an event moves the projection's first decimal state field (the balance), read straight from the
 * timeline's columns: the chart draws a million points from this without materialising events, and
 * the table colours credits and debits with it. The replay engine stays the authority for state;
 * a test checks the two agree.
 */
public final class BalanceRules {
    private final Timeline timeline;
    private final ProjectionSpec spec;
    private final String field;
    private final Map<Integer, Step[]> byType = new ConcurrentHashMap<>();

    private record Step(Operation.Op op, int numericField) {
    }

    public BalanceRules(Timeline timeline, ProjectionSpec spec) {
        this.timeline = timeline;
        this.spec = spec;
        this.field = spec.state().entrySet().stream().filter(e -> e.getValue() == StateKind.DECIMAL)
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The state field charted, e.g. "balance"; null when the projection has no decimal field. */
    public String field() {
        return field;
    }

    /** The field's value after the event at {@code index}, given its value {@code before}. */
    public BigDecimal apply(BigDecimal before, int index) {
        if (timeline.isFlagged(index)) {
            return before;
        }
        BigDecimal value = before;
        for (Step step : steps(index)) {
            BigDecimal operand = timeline.numbers(step.numericField()).get(index);
            if (operand == null) {
                continue;
            }
            value = switch (step.op()) {
                case ADD -> value.add(operand);
                case SUBTRACT -> value.subtract(operand);
                case SET -> operand;
            };
        }
        return value;
    }

    /** +1 when the event raises the field (a credit), -1 when it lowers it (a debit), 0 otherwise. */
    public int direction(int index) {
        if (timeline.isFlagged(index)) {
            return 0;
        }
        BigDecimal after = apply(BigDecimal.ZERO, index);
        Step[] steps = steps(index);
        if (steps.length == 1 && steps[0].op() == Operation.Op.SET) {
            return 0;
        }
        return after.signum();
    }

    private Step[] steps(int index) {
        int typeId = timeline.typeIdAt(index);
        if (typeId < 0 || field == null) {
            return new Step[0];
        }
        return byType.computeIfAbsent(typeId, id -> {
            List<Operation> ops = spec.operationsFor(timeline.typeName(id));
            return ops.stream().filter(op -> op.target().equals(field))
                    .map(op -> new Step(op.op(), timeline.numericFieldIndex(op.field())))
                    .filter(s -> s.numericField() >= 0)
                    .toArray(Step[]::new);
        });
    }
}
