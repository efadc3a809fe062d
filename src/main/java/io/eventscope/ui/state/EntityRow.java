package io.eventscope.ui.state;

import io.eventscope.replay.EntityState;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the state panel: an entity's state at the cursor.
 *
 * @param value the projection's primary decimal field (e.g. the balance), zero when unset
 */
public record EntityRow(String entity, BigDecimal value, int events, Instant lastChange, int lastPosition) {
    /** The row for {@code s}, showing decimal field {@code field} (null: the projection has none). */
    static EntityRow of(EntityState s, String field) {
        return new EntityRow(s.entity(), field == null ? null : s.decimal(field), s.events(), s.lastChange(),
                s.lastPosition());
    }
}
