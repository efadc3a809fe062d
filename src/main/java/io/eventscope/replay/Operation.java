package io.eventscope.replay;

/**
 * One fold step of a rule: {@code add}/{@code subtract} a numeric payload field to a decimal state
 * field, or {@code set} a state field to a payload field's value or to a constant {@code value}; only
 * when its {@code when} condition (null: always) holds for the event and the entity's state before it.
 *
 * @param field the payload field read (a name the spec's fields give alternatives for), or null when
 *              the operation sets a constant
 */
public record Operation(Op op, String field, String target, String value, Expression when) {
    /** The kinds of step a projection spec can express. */
    public enum Op {
        ADD,
        SUBTRACT,
        SET
    }

    public Operation(Op op, String field, String target) {
        this(op, field, target, null, null);
    }
}
