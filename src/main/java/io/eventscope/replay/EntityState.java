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

    /** The decimal state field {@code name} (zero when no event has set it, or the spec has no such field). */
    public BigDecimal decimal(String name) {
        return decimals.getOrDefault(name, BigDecimal.ZERO);
    }
}
