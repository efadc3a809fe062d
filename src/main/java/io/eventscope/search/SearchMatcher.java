package io.eventscope.search;

import io.eventscope.event.EventTimes;
import io.eventscope.event.FieldRef;
import io.eventscope.event.Timeline;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tests timeline positions against a {@link SearchQuery}; safe on any thread. A term on a masked value
 * matches nothing until the values are revealed, so a search cannot tell that a hidden value exists;
 * words are looked for in the payload as it is shown (masked values as the mark).
 */
public final class SearchMatcher {
    private static final Pattern DECIMAL = Pattern.compile("\\s*-?\\d+(\\.\\d+)?([eE][+-]?\\d{1,9})?\\s*");

    /** Where an equality term reads its value. */
    private enum Column { TYPE, ENTITY, NUMBERS, REFS, NOTHING }

    /** @param needle the value's UTF-8 bytes when only that exact text can match (not a number), else null */
    /** @param numbers the timeline's decimal column for {@link Column#NUMBERS}, else -1 */
    private record Lookup(SearchTerm.Equals term, Column column, List<FieldRef> refs, byte[] needle, int numbers) {
        Lookup(SearchTerm.Equals term, Column column, List<FieldRef> refs) {
            this(term, column, refs, term.number() != null || term.value().isEmpty() ? null
                    : term.value().getBytes(StandardCharsets.UTF_8), -1);
        }
    }

    private final Timeline timeline;
    private final Masks masks;
    private final long from;
    private final long to;
    private final List<Lookup> lookups = new ArrayList<>();
    private final List<String> words = new ArrayList<>();

    public SearchMatcher(SearchQuery query, Timeline timeline, ProjectionSpec spec, Masks masks) {
        this.timeline = timeline;
        this.masks = masks;
        this.from = query.from() == null ? Long.MIN_VALUE : EventTimes.toNanos(query.from());
        this.to = query.to() == null ? Long.MAX_VALUE : EventTimes.toNanos(query.to());
        for (SearchTerm t : query.terms()) {
            if (t instanceof SearchTerm.Words w) {
                words.add(w.text());
            } else if (t instanceof SearchTerm.Equals e) {
                lookups.add(numbersIfDecoded(lookup(e, spec, masks), timeline));
            }
        }
    }

    /**
     * {@code type} and {@code entity} are what the projection read; another projection field name reads its
     * references (the first one present counts, as for the projection); any other name is a top-level field.
     */
    private static Lookup lookup(SearchTerm.Equals e, ProjectionSpec spec, Masks masks) {
        FieldRef ref = e.ref();
        String name = ref.kind() == FieldRef.Kind.FIELD ? ref.head() : null;
        if ("type".equals(name) && spec != null) {
            return new Lookup(e, masks.hidesType() ? Column.NOTHING : Column.TYPE, List.of());
        }
        if ("entity".equals(name) && spec != null) {
            return new Lookup(e, masks.hidesEntity() ? Column.NOTHING : Column.ENTITY, List.of());
        }
        List<String> named = spec == null || name == null ? null
                : "time".equals(name) ? spec.timeFields() : spec.payloadFields().get(name);
        List<FieldRef> refs = named == null ? List.of(ref) : named.stream().map(FieldRef::parse).toList();
        boolean hidden = refs.stream().anyMatch(masks::hides);
        return new Lookup(e, hidden ? Column.NOTHING : Column.REFS, refs);
    }

    /**
     * A number compared with a decimal field the projection decoded is read from the timeline's column (the
     * exact value the rules use), not parsed out of the payload again.
     */
    private static Lookup numbersIfDecoded(Lookup l, Timeline timeline) {
        FieldRef ref = l.term().ref();
        if (l.column() != Column.REFS || l.term().number() == null || ref.kind() != FieldRef.Kind.FIELD) {
            return l;
        }
        int field = timeline.numericFieldIndex(ref.head());
        return field < 0 ? l : new Lookup(l.term(), Column.NUMBERS, l.refs(), null, field);
    }

    /** The first name in {@code query} whose value {@code masks} hides (such a term matches nothing until revealed), or null. */
    public static String maskedName(SearchQuery query, ProjectionSpec spec, Masks masks) {
        for (SearchTerm t : query.terms()) {
            if (t instanceof SearchTerm.Equals e && lookup(e, spec, masks).column() == Column.NOTHING) {
                return e.name();
            }
        }
        return null;
    }

    /** Tests the event at {@code index} (0-based). */
    public boolean matches(int index) {
        if (from != Long.MIN_VALUE || to != Long.MAX_VALUE) {
            long t = timeline.effectiveTimeAt(index);
            if (t == EventTimes.NONE || t < from || t > to) {
                return false;
            }
        }
        byte[] payload = null;
        for (Lookup l : lookups) {
            switch (l.column()) {
                case NOTHING -> {
                    return false;
                }
                case TYPE -> {
                    if (!same(timeline.typeName(timeline.typeIdAt(index)), false, l.term())) {
                        return false;
                    }
                }
                case ENTITY -> {
                    if (!same(timeline.entityName(timeline.entityIdAt(index)), false, l.term())) {
                        return false;
                    }
                }
                case NUMBERS -> {
                    var column = timeline.numbers(l.numbers());
                    if (!column.isPresent(index) || column.get(index).compareTo(l.term().number()) != 0) {
                        return false;
                    }
                }
                case REFS -> {
                    if (payload == null) {
                        payload = timeline.payloadAt(index);
                    }
                    if (!refMatches(l, payload, index)) {
                        return false;
                    }
                }
            }
        }
        if (words.isEmpty()) {
            return true;
        }
        String shown = new String(masks.payload(payload == null ? timeline.payloadAt(index) : payload),
                StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return words.stream().allMatch(shown::contains);
    }

    /** The first reference that holds a value decides, as when the projection reads a field. */
    private boolean refMatches(Lookup l, byte[] payload, int index) {
        for (FieldRef r : l.refs()) {
            if (r.kind() == FieldRef.Kind.HEADER) {
                String v = header(timeline.headersAt(index), r.head());
                if (v != null) {
                    return same(v, false, l.term());
                }
                continue;
            }
            if (l.needle() != null && !Bytes.mayHold(payload, l.needle())) {
                continue; // the text is not there, so no value holds it (checked before parsing: far cheaper)
            }
            PayloadPointer.Scalar v = PayloadPointer.find(payload, r.path());
            if (v != null) {
                return same(v.text(), v.number(), l.term());
            }
        }
        return false;
    }

    private static String header(Map<String, String> headers, String lowerName) {
        for (var e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Exact text, or equal decimal values when the term is a number and so is the value (or its text). */
    private static boolean same(String actual, boolean number, SearchTerm.Equals term) {
        if (actual == null) {
            return false;
        }
        if (actual.equals(term.value())) {
            return true;
        }
        if (term.number() != null && (number || mayBeDecimal(actual) && DECIMAL.matcher(actual).matches())) {
            try {
                return new BigDecimal(actual.trim()).compareTo(term.number()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean mayBeDecimal(String s) {
        char c = s.isEmpty() ? 'x' : s.charAt(0);
        return c == '-' || c == ' ' || c >= '0' && c <= '9';
    }
}
