package io.eventscope.search;

import io.eventscope.event.FieldRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the filter bar's text asks for: terms separated by spaces, all of which must hold.
 * <pre>
 *   words            payload text contains them (any case); "two words" in quotes stay together
 *   name=value       a projection field (type, entity, amount…) or top-level payload field equals value
 *   /a/0/b=value     the value at a JSON Pointer into the payload equals value
 *   header:h=value   a message header equals value
 *   time:FROM..TO    event time in [FROM, TO]; either end may be left out
 * </pre>
 * A value with spaces is quoted ({@code owner="Jane Doe"}, {@code \"} for a quote). Equality is exact;
 * two numbers are equal by decimal value. Times are ISO-8601 ({@code 2024-03-01T10:00}, seconds optional,
 * or a date alone for the whole day) in {@code zone} unless they end in {@code Z} or an offset.
 *
 * @param text  the text as typed (trimmed)
 * @param from  the earliest event time, or null
 * @param to    the latest event time (inclusive), or null
 */
public record SearchQuery(String text, List<SearchTerm> terms, Instant from, Instant to) {
    public static final SearchQuery NONE = new SearchQuery("", List.of(), null, null);
    /** The grammar in one line, for the bar's prompt and tooltip. */
    public static final String GRAMMAR = "words  name=value  /json/pointer=value  header:h=value  "
            + "time:2024-03-01T10:00..2024-03-01T12:00  \"quoted words\"";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d{1,9})?");
    private static final String TIME = "time:";

    public SearchQuery {
        terms = List.copyOf(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty() && from == null && to == null;
    }

    /** This query also limited to event times in [{@code from}, {@code to}] (either may be null: open). */
    public SearchQuery within(Instant from, Instant to) {
        return new SearchQuery(text, terms, later(this.from, from), earlier(this.to, to));
    }

    /** Parses {@code text}; a {@link SearchSyntaxException} says in one sentence what cannot be read. */
    public static SearchQuery parse(String text, ZoneId zone) {
        String typed = text == null ? "" : text.trim();
        List<SearchTerm> terms = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (SearchTokens.Token t : SearchTokens.split(typed)) {
            String name = t.name();
            if (name == null) {
                terms.add(new SearchTerm.Words(t.value()));
            } else if (name.equalsIgnoreCase(TIME)) {
                TimeRange r = TimeRange.parse(t.value(), zone);
                from = later(from, r.from());
                to = earlier(to, r.to());
            } else {
                terms.add(equalsTerm(name, t.value()));
            }
        }
        return new SearchQuery(typed, terms, from, to);
    }

    private static SearchTerm equalsTerm(String name, String value) {
        FieldRef ref;
        try {
            ref = FieldRef.parse(name);
        } catch (IllegalArgumentException e) {
            throw new SearchSyntaxException("Cannot search: " + e.getMessage() + ".");
        }
        if (ref.kind() == FieldRef.Kind.FIELD && ref.head().isEmpty()) {
            throw new SearchSyntaxException("\"" + name + "=\" names no field; write a name before \"=\", like amount=10.");
        }
        BigDecimal number = null;
        if (NUMBER.matcher(value).matches()) {
            number = new BigDecimal(value);
        }
        return new SearchTerm.Equals(name, ref, value, number);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
