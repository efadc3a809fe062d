package io.eventscope.replay;

import java.util.Map;

/**
 * STAND-IN until projcore lands: one event that left an invariant false for the entity it touched,
 * with the values the check read. The core's own record replaces this file at merge.
 */
public record Violation(int position, String entity, String invariant, Map<String, String> values) {
    public Violation {
        values = Map.copyOf(values);
    }
}
