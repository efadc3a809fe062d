package io.eventscope.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One entity's state after a position: its decimal and text fields, how many events were applied to
 * it, and when and where the last of them happened.
 */
public record EntityState(
        String entity,
        Map<String, BigDecimal> decimals,
        Map<String, String> texts,
        int events,
        Instant lastChange,
        int lastPosition) {

    /** The banking projection's balance (zero when the entity has only no-effect events). */
    public BigDecimal balance() {
        return decimals.getOrDefault("balance", BigDecimal.ZERO);
    }
}
