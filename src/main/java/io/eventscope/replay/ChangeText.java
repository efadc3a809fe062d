package io.eventscope.replay;

import io.eventscope.event.DecimalText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The wording of what one event did, e.g. "ACC-00481 balance: 160,064.61 → 162,102.11" or "Not applied:
 * …": one line per state field, in the spec's field names. Plain text, so the viewer and exports say
 * the same.
 */
public final class ChangeText {
    private ChangeText() {
    }

    public static String of(EventChange c) {
        if (!c.applied()) {
            return "Not applied: replay skips flagged events (" + c.entity() + " unchanged).";
        }
        EntityState before = c.before();
        EntityState after = c.after();
        if (after == null) {
            return "No effect on " + c.entity() + ".";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, BigDecimal> f : after.decimals().entrySet()) {
            BigDecimal was = before == null ? BigDecimal.ZERO : before.decimal(f.getKey());
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(c.entity()).append(' ').append(f.getKey()).append(": ")
                    .append(DecimalText.grouped(was)).append(" → ").append(DecimalText.grouped(f.getValue()));
            if (was.compareTo(f.getValue()) == 0) {
                out.append("  (no effect)");
            }
        }
        for (Map.Entry<String, String> t : after.texts().entrySet()) {
            String was = before == null ? null : before.texts().get(t.getKey());
            if (!Objects.equals(was, t.getValue())) {
                out.append('\n').append(c.entity()).append(' ').append(t.getKey()).append(": ")
                        .append(was == null ? "—" : was).append(" → ").append(t.getValue());
            }
        }
        return out.toString();
    }

    /** One state field of a change, worded: its name, the value before and after, and whether it moved. */
    public record FieldChange(String field, String before, String after, boolean changed) {
    }

    /**
     * Every state field of the entity an event touched, before → after, in spec order (decimals first, then
     * texts), unchanged ones included: the detail pane's table. Empty when the event was not applied or
     * touched no entity state. An unset text reads "—".
     */
    public static List<FieldChange> fields(EventChange c) {
        if (!c.applied() || c.after() == null) {
            return List.of();
        }
        EntityState before = c.before();
        EntityState after = c.after();
        List<FieldChange> out = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> f : after.decimals().entrySet()) {
            BigDecimal was = before == null ? BigDecimal.ZERO : before.decimal(f.getKey());
            out.add(new FieldChange(f.getKey(), DecimalText.grouped(was), DecimalText.grouped(f.getValue()),
                    was.compareTo(f.getValue()) != 0));
        }
        for (Map.Entry<String, String> t : after.texts().entrySet()) {
            String was = before == null ? null : before.texts().get(t.getKey());
            out.add(new FieldChange(t.getKey(), was == null ? "—" : was, t.getValue() == null ? "—" : t.getValue(),
                    !Objects.equals(was, t.getValue())));
        }
        return out;
    }

    /** A field name as a heading: "balance" → "Balance". */
    public static String label(String field) {
        return field == null || field.isEmpty() ? "" : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
