package io.eventscope.replay;

/**
 * One fold step of a rule: {@code add}/{@code subtract} a numeric payload field to a decimal state
 * field, or {@code set} a state field to a payload field's value.
 */
public record Operation(Op op, String field, String target) {
    /** The kinds of step a projection spec can express. */
    public enum Op {
        ADD,
        SUBTRACT,
        SET
    }
}
