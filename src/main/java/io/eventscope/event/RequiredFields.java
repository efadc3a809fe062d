package io.eventscope.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mapping's required-field rule, compiled per type id: a type whose projection rules take a
 * numeric field (a balance-changing type takes its amount) is flagged when that field is missing or
 * not a number. Type ids are compiled as they first appear; one instance per decoding thread, because
 * that cache is not shared.
 */
final class RequiredFields {
    private final FieldMapping mapping;
    private final StringInterner types;
    /** By type id: indexes into the mapping's numeric fields, in mapping order. */
    private final List<int[]> byTypeId = new ArrayList<>();

    RequiredFields(FieldMapping mapping, StringInterner types) {
        this.mapping = mapping;
        this.types = types;
    }

    /** Adds a flag to {@code fields} for each numeric field its type needs and lacks. */
    void check(DecodedFields fields) {
        int typeId = fields.typeId;
        for (int field : requiredFor(typeId)) {
            String name = mapping.numericFields().get(field);
            DecimalValue value = fields.numbers[field];
            if (value.outOfRange()) {
                continue; // flagged as out of range already
            } else if (value.rejected() != null) {
                fields.flags.add(new Flag(FlagKind.NON_NUMERIC,
                        name + " " + FlagWording.quoteIfText(value.rejected()) + " is not a number"));
            } else if (!value.isPresent()) {
                fields.flags.add(new Flag(FlagKind.MISSING_FIELD, types.get(typeId) + " has no " + name));
            }
        }
    }

    private int[] requiredFor(int typeId) {
        while (byTypeId.size() <= typeId) {
            String name = types.get(byTypeId.size());
            byTypeId.add(mapping.requiredFor(name.toLowerCase(Locale.ROOT)).stream()
                    .mapToInt(mapping.numericFields()::indexOf).sorted().toArray());
        }
        return byTypeId.get(typeId);
    }
}
