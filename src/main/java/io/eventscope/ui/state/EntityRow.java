package io.eventscope.ui.state;

import io.eventscope.replay.EntityState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One line of the state panel: an entity's state at the cursor, every state field of the projection.
 *
 * @param value    the projection's primary decimal field (e.g. the balance), zero when unset; null when
 *                 the projection has no decimal field
 * @param decimals every decimal state field by name
 * @param texts    every text state field by name (a value is null while unset)
 */
public record EntityRow(String entity, BigDecimal value, int events, Instant lastChange, int lastPosition,
                        Map<String, BigDecimal> decimals, Map<String, String> texts, String label) {

    /**
     * The row for {@code s}, headed by decimal field {@code field} (null: the projection has none), its id and
     * text fields as {@code masks} shows them; {@link #entity()} stays the id (the selection's key), never shown.
     */
    static EntityRow of(EntityState s, String field, io.eventscope.replay.Masks masks) {
        return new EntityRow(s.entity(), field == null ? null : s.decimal(field), s.events(), s.lastChange(),
                s.lastPosition(), s.decimals(), masks.fields(s.texts()), masks.entity(s.entity()));
    }

    /** The decimal state field {@code name}, zero when unset. */
    public BigDecimal decimal(String name) {
        return decimals.getOrDefault(name, BigDecimal.ZERO);
    }

    /** The text state field {@code name}, null when unset. */
    public String text(String name) {
        return texts.get(name);
    }
}
