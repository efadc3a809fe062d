package io.eventscope.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which payload fields the decoder reads: the type, entity and event-time fields (first present alias
 * wins), numeric fields kept as exact decimals, plain-value fields, and for each event type (lower case)
 * the numeric fields it cannot do without. Produced from a projection spec. Every name here is a
 * {@link FieldRef} (a top-level field, a JSON Pointer or a header); a numeric or text field is known by
 * its name and read from the alternatives of {@link #refsOf}. The id fields name the event's own id
 * (first present wins), by which a repeated event is found.
 */
public record FieldMapping(
        List<String> typeFields,
        List<String> entityFields,
        List<String> timeFields,
        List<String> numericFields,
        List<String> textFields,
        Map<String, Set<String>> requiredNumericByType,
        Map<String, List<String>> slotRefs,
        List<String> idFields) {

    /** A mapping that reads no event id. */
    public FieldMapping(List<String> typeFields, List<String> entityFields, List<String> timeFields,
                        List<String> numericFields, List<String> textFields,
                        Map<String, Set<String>> requiredNumericByType, Map<String, List<String>> slotRefs) {
        this(typeFields, entityFields, timeFields, numericFields, textFields, requiredNumericByType, slotRefs,
                List.of());
    }

    /** A mapping whose numeric and text fields are each read from the top-level field of their name. */
    public FieldMapping(List<String> typeFields, List<String> entityFields, List<String> timeFields,
                        List<String> numericFields, List<String> textFields,
                        Map<String, Set<String>> requiredNumericByType) {
        this(typeFields, entityFields, timeFields, numericFields, textFields, requiredNumericByType, Map.of());
    }

    public FieldMapping {
        typeFields = List.copyOf(typeFields);
        entityFields = List.copyOf(entityFields);
        timeFields = List.copyOf(timeFields);
        numericFields = List.copyOf(numericFields);
        textFields = List.copyOf(textFields);
        requiredNumericByType = Map.copyOf(Objects.requireNonNull(requiredNumericByType));
        slotRefs = Map.copyOf(slotRefs);
        idFields = List.copyOf(idFields);
        if (typeFields.isEmpty()) {
            throw new IllegalArgumentException("at least one type field is needed");
        }
    }

    /**
     * The references (alternatives, first present wins) a numeric or text field is read from: those the
     * spec gave it, else the top-level field of its name.
     */
    public List<String> refsOf(String slot) {
        return slotRefs.getOrDefault(slot, List.of(slot));
    }

    public Set<String> requiredFor(String typeLowerCase) {
        return requiredNumericByType.getOrDefault(typeLowerCase, Set.of());
    }
}
