package io.eventscope.ui.filter;

import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import io.eventscope.replay.Masks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the table is narrowed to: free text over the payload, a set of types (empty = every type), part of
 * an entity id, a time range over the effective time, flagged only. Filtering narrows the table; replay
 * still covers every position.
 */
public record FilterCriteria(String text, Set<String> types, String entity, Instant from, Instant to,
        boolean flaggedOnly) {
    public static final FilterCriteria NONE = new FilterCriteria("", Set.of(), "", null, null, false);

    public FilterCriteria {
        text = text == null ? "" : text.trim();
        entity = entity == null ? "" : entity.trim();
        types = types == null ? Set.of() : types.stream().filter(Objects::nonNull).filter(t -> !t.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isEmpty() {
        return text.isEmpty() && types.isEmpty() && entity.isEmpty() && from == null && to == null && !flaggedOnly;
    }

    /** A matcher bound to one timeline; safe on any thread. */
    public Matcher on(Timeline timeline) {
        return on(timeline, Masks.none());
    }

    /** A matcher that sees masked values only as {@code masks} shows them (so they match once revealed). */
    public Matcher on(Timeline timeline, Masks masks) {
        return new Matcher(this, timeline, masks);
    }

    /** Tests one index (0-based) against the criteria, cheapest checks first. */
    public static final class Matcher {
        private final Timeline timeline;
        private final String text;
        private final Set<String> types;
        private final String entity;
        private final long from;
        private final long to;
        private final boolean flaggedOnly;
        private final Masks masks;

        Matcher(FilterCriteria c, Timeline timeline, Masks masks) {
            this.timeline = timeline;
            this.masks = masks;
            this.text = c.text.toLowerCase(Locale.ROOT);
            this.types = c.types;
            this.entity = c.entity.toLowerCase(Locale.ROOT);
            this.from = c.from == null ? Long.MIN_VALUE : EventTimes.toNanos(c.from);
            this.to = c.to == null ? Long.MAX_VALUE : EventTimes.toNanos(c.to);
            this.flaggedOnly = c.flaggedOnly;
        }

        public boolean matches(int index) {
            if (flaggedOnly && !timeline.isFlagged(index)) {
                return false;
            }
            if (!types.isEmpty()) {
                String type = timeline.typeName(timeline.typeIdAt(index));
                if (type == null || !types.contains(type)) { // an immutable set's contains(null) throws
                    return false;
                }
            }
            if (!entity.isEmpty()
                    && !masks.entity(timeline.entityName(timeline.entityIdAt(index))).toLowerCase(Locale.ROOT)
                    .contains(entity)) {
                return false;
            }
            if (from != Long.MIN_VALUE || to != Long.MAX_VALUE) {
                long t = timeline.effectiveTimeAt(index);
                if (t == EventTimes.NONE || t < from || t > to) {
                    return false;
                }
            }
            if (!text.isEmpty()) {
                String payload = new String(masks.payload(timeline.payloadAt(index)), StandardCharsets.UTF_8);
                return payload.toLowerCase(Locale.ROOT).contains(text);
            }
            return true;
        }
    }
}
