package io.eventscope.replay;

import java.util.List;

/** The operations applied for events of the given types (matched case-insensitively). */
public record Rule(List<String> types, List<Operation> apply) {
    public Rule {
        types = List.copyOf(types);
        apply = List.copyOf(apply);
    }
}
