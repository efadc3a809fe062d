package io.eventscope.ui.filter;

import io.eventscope.event.Timeline;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.search.SearchMatcher;
import io.eventscope.search.SearchQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the table is narrowed to: the search text's terms ({@link SearchQuery}), a set of types (empty =
 * every type), part of an entity id, a time range over the effective time, flagged only. Filtering narrows
 * the table; replay still covers every position.
 */
public record FilterCriteria(SearchQuery query, Set<String> types, String entity, Instant from, Instant to,
        boolean flaggedOnly) {
    public static final FilterCriteria NONE = new FilterCriteria(SearchQuery.NONE, Set.of(), "", null, null, false);

    public FilterCriteria {
        query = query == null ? SearchQuery.NONE : query;
        entity = entity == null ? "" : entity.trim();
        types = types == null ? Set.of() : types.stream().filter(Objects::nonNull).filter(t -> !t.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** With the search text read in UTC; throws {@link io.eventscope.search.SearchSyntaxException} when it cannot be read. */
    public FilterCriteria(String text, Set<String> types, String entity, Instant from, Instant to, boolean flaggedOnly) {
        this(SearchQuery.parse(text, ZoneOffset.UTC), types, entity, from, to, flaggedOnly);
    }

    /** The search text as typed. */
    public String text() {
        return query.text();
    }

    public boolean isEmpty() {
        return query.isEmpty() && types.isEmpty() && entity.isEmpty() && from == null && to == null && !flaggedOnly;
    }

    /** A matcher bound to one timeline, nothing masked and no projection names; safe on any thread. */
    public Matcher on(Timeline timeline) {
        return on(timeline, null, Masks.none());
    }

    /** A matcher that reads {@code spec}'s field names and sees masked values only as {@code masks} shows them. */
    public Matcher on(Timeline timeline, ProjectionSpec spec, Masks masks) {
        return new Matcher(this, timeline, spec, masks);
    }

    /** Tests one index (0-based) against the criteria, cheapest checks first. */
    public static final class Matcher {
        private final Timeline timeline;
        private final Set<String> types;
        private final String entity;
        private final boolean flaggedOnly;
        private final Masks masks;
        private final SearchMatcher search;

        Matcher(FilterCriteria c, Timeline timeline, ProjectionSpec spec, Masks masks) {
            this.timeline = timeline;
            this.masks = masks;
            this.types = c.types;
            this.entity = c.entity.toLowerCase(Locale.ROOT);
            this.flaggedOnly = c.flaggedOnly;
            this.search = new SearchMatcher(c.query.within(c.from, c.to), timeline, spec, masks);
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
            return search.matches(index);
        }
    }
}
