package io.eventscope.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which payload fields the decoder reads: the type, entity and event-time fields (first present alias
 * wins), numeric fields kept as exact decimals, plain-value fields, and for each event type (lower case)
 * the numeric fields it cannot do without. Produced from a projection spec.
 */
public record FieldMapping(
        List<String> typeFields,
        List<String> entityFields,
        List<String> timeFields,
        List<String> numericFields,
        List<String> textFields,
        Map<String, Set<String>> requiredNumericByType) {

    public FieldMapping {
        typeFields = List.copyOf(typeFields);
        entityFields = List.copyOf(entityFields);
        timeFields = List.copyOf(timeFields);
        numericFields = List.copyOf(numericFields);
        textFields = List.copyOf(textFields);
        requiredNumericByType = Map.copyOf(Objects.requireNonNull(requiredNumericByType));
        if (typeFields.isEmpty()) {
            throw new IllegalArgumentException("at least one type field is needed");
        }
    }

    public Set<String> requiredFor(String typeLowerCase) {
        return requiredNumericByType.getOrDefault(typeLowerCase, Set.of());
    }
}
