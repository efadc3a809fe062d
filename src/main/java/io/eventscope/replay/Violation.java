package io.eventscope.replay;

import java.util.Map;

/**
 * One event that left an invariant false: where, on which entity, which invariant, and the values the
 * check read (as exact text; empty text for a missing value), in the order the check names them.
 */
public record Violation(int position, String entity, String invariant, Map<String, String> values) {
    public Violation {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
