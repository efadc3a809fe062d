package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.eventscope.event.Timeline;
import io.eventscope.replay.ChangeStream;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code events}' view of what each event did: every state field of the event's entity before and after
 * it, from one forward walk of the replay's fold ({@link ChangeStream}) from the first position, over a
 * whole timeline or a streamed one burst by burst. A flagged event is not applied: its fields are printed
 * unchanged.
 */
final class ChangeColumns {
    private final ChangeStream walk;
    private final Masks masks;
    /** State field names in the spec's order. */
    private final List<String> names;
    /** For each of {@link #names}, its index in the walk's fields (decimals first). */
    private final int[] index;

    ChangeColumns(Timeline timeline, ProjectionSpec spec, Masks masks) {
        this.walk = new ChangeStream(timeline, spec);
        this.masks = masks;
        this.names = List.copyOf(spec.state().keySet());
        this.index = names.stream().mapToInt(walk.fields()::indexOf).toArray();
    }

    /** CSV headings: {@code balance_before,balance_after,…}. */
    List<String> header() {
        List<String> out = new ArrayList<>();
        names.forEach(f -> {
            out.add(f + "_before");
            out.add(f + "_after");
        });
        return out;
    }

    /** Folds the next position (held by the timeline); the cells then describe it. */
    void next() {
        walk.next();
    }

    /** The position the cells describe (0 before the first {@link #next()}). */
    int position() {
        return walk.position();
    }

    List<String> csvCells() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            out.add(nullToEmpty(before(k)));
            out.add(nullToEmpty(after(k)));
        }
        return out;
    }

    /** {@code "changes": {"balance": {"before": "0", "after": "100.50"}, …}}. */
    void writeJson(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("changes");
        for (int k = 0; k < names.size(); k++) {
            g.writeObjectFieldStart(names.get(k));
            g.writeStringField("before", before(k));
            g.writeStringField("after", after(k));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private String before(int k) {
        return text(k, walk.before(index[k]));
    }

    private String after(int k) {
        return text(k, walk.applied() ? walk.after(index[k]) : walk.before(index[k]));
    }

    /** A field's exact value (a decimal not yet set is 0) or its masked text (null when unset). */
    private String text(int k, Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : masks.field(names.get(k), (String) value);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
