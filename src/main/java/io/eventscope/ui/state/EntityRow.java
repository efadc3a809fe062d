package io.eventscope.ui.state;

import io.eventscope.replay.EntityState;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of the state panel: an entity's state at the cursor. */
public record EntityRow(String entity, BigDecimal balance, int events, Instant lastChange, int lastPosition) {
    static EntityRow of(EntityState s) {
        return new EntityRow(s.entity(), s.balance(), s.events(), s.lastChange(), s.lastPosition());
    }
}
