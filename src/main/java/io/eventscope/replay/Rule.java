package io.eventscope.replay;

import java.util.List;

/**
 * The operations applied for events of the given types (matched case-insensitively), when the rule's
 * {@code when} condition (null: always) holds.
 */
public record Rule(List<String> types, List<Operation> apply, Expression when) {
    public Rule {
        types = List.copyOf(types);
        apply = List.copyOf(apply);
    }

    public Rule(List<String> types, List<Operation> apply) {
        this(types, apply, null);
    }
}
