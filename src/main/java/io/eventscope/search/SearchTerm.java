package io.eventscope.search;

import io.eventscope.event.FieldRef;
import java.math.BigDecimal;
import java.util.Locale;

/** One term of a {@link SearchQuery}; every term of a query must hold for an event to match. */
public sealed interface SearchTerm {
    /** Words that must occur in the payload text as shown (any case). */
    record Words(String text) implements SearchTerm {
        public Words {
            text = text.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A value that must equal {@code value}: exactly as text, or by decimal value when both sides are
     * numbers ({@code amount=10} matches {@code 10.00}, never {@code 10.001}).
     *
     * @param name  as typed: a projection field name ({@code type}, {@code entity}, {@code amount}), a
     *              top-level payload field, a JSON Pointer or {@code header:NAME}
     * @param ref   the reference {@code name} parses to
     * @param number {@code value} as a decimal, or null when it is not a number
     */
    record Equals(String name, FieldRef ref, String value, BigDecimal number) implements SearchTerm {
    }
}
