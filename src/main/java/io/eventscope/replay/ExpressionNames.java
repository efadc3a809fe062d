package io.eventscope.replay;

import java.util.List;

/** The names every condition and invariant may read besides payload and state fields. */
final class ExpressionNames {
    /** The event's type name and its entity id. */
    static final List<String> BUILT_IN = List.of("type", "entity");

    private ExpressionNames() {
    }
}
