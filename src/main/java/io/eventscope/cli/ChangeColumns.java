package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.eventscope.replay.ChangeWalk;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.EventChange;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.StateKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code events}' view of what each event did: every state field of the event's entity before and after
 * it, from one forward walk of the replay's fold ({@link ReplayEngine#changesFrom}). A flagged event is
 * not applied: its fields are printed unchanged.
 */
final class ChangeColumns {
    private final Map<String, StateKind> fields;
    private ChangeWalk walk;
    private final ReplayEngine engine;
    private final Masks masks;

    ChangeColumns(ReplayEngine engine, Masks masks) {
        this.engine = engine;
        this.masks = masks;
        this.fields = engine.spec().state();
    }

    /** CSV headings: {@code balance_before,balance_after,…}. */
    List<String> header() {
        List<String> out = new ArrayList<>();
        fields.keySet().forEach(f -> {
            out.add(f + "_before");
            out.add(f + "_after");
        });
        return out;
    }

    /** The change of the event at {@code position}; positions are asked in increasing order. */
    EventChange at(int position) {
        if (walk == null || walk.nextPosition() > position) {
            walk = engine.changesFrom(position);
        }
        while (walk.nextPosition() < position) {
            walk.next();
        }
        return walk.next();
    }

    List<String> csvCells(EventChange c) {
        List<String> out = new ArrayList<>();
        for (String f : fields.keySet()) {
            out.add(nullToEmpty(value(c.before(), f)));
            out.add(nullToEmpty(value(c.applied() ? c.after() : c.before(), f)));
        }
        return out;
    }

    /** {@code "changes": {"balance": {"before": "0", "after": "100.50"}, …}}. */
    void writeJson(JsonGenerator g, EventChange c) throws IOException {
        g.writeObjectFieldStart("changes");
        for (String f : fields.keySet()) {
            g.writeObjectFieldStart(f);
            g.writeStringField("before", value(c.before(), f));
            g.writeStringField("after", value(c.applied() ? c.after() : c.before(), f));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A field's exact value; a decimal field of an entity not yet seen is 0, a text field null. */
    private String value(EntityState s, String field) {
        if (fields.get(field) == StateKind.DECIMAL) {
            BigDecimal v = s == null ? BigDecimal.ZERO : s.decimal(field);
            return v.toPlainString();
        }
        return s == null ? null : masks.field(field, s.text(field));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
