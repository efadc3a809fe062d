package io.eventscope.audit;

import io.eventscope.event.CsvText;
import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import io.eventscope.replay.ChangeStream;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.ReplayState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How one entity's state field came to its value at a cut: every event that changed it, in order, with its
 * effect and the running value after it. Folds with the replay's interpreter ({@link ChangeStream}), so the
 * last running value is the value {@code state} reports at the same cut.
 *
 * @param value the field's value at the cut ("0" / null when nothing set it)
 */
public record Explain(String entity, String field, int position, String value, List<Step> events) {

    /** One event that changed the field: where, what, when, by how much, and the value after it. */
    public record Step(int position, String type, Instant time, String effect, String value) {
    }

    /**
     * @param field a state field of the projection, or null for its primary field
     * @throws IllegalArgumentException with one sentence when the entity or the field is unknown
     */
    public static Explain of(ReplayEngine engine, Cut cut, String entity, String field) {
        Timeline timeline = engine.timeline();
        ChangeStream walk = new ChangeStream(timeline, engine.spec());
        String name = field == null ? engine.spec().primaryField() : field;
        int f = walk.fields().indexOf(name);
        if (f < 0) {
            throw new IllegalArgumentException("The projection " + engine.spec().name() + " has no state field "
                    + name + " (its fields: " + String.join(", ", walk.fields()) + ").");
        }
        int id = timeline.entityIdOf(entity);
        if (id < 0) {
            throw new IllegalArgumentException("No event of " + timeline.sourceName() + " names the entity " + entity
                    + "; check the id (ids are case-sensitive).");
        }
        List<Step> steps = new ArrayList<>();
        int prefix = cut.prefixEnd(engine);
        for (int i = 0; i < cut.position(); i++) {
            if (cut.leavesOut(engine, prefix, i)) {
                walk.skip();
                continue;
            }
            walk.next();
            if (walk.entityId() == id && walk.touches(f)) {
                steps.add(new Step(i + 1, timeline.typeName(timeline.typeIdAt(i)), time(timeline, i),
                        effect(walk, f), text(walk.after(f))));
            }
        }
        ReplayState state = cut.state(engine);
        EntityState at = state.entity(entity);
        Object value = at == null ? (walk.isDecimal(f) ? BigDecimal.ZERO : null)
                : walk.isDecimal(f) ? at.decimal(name) : at.texts().get(name);
        return new Explain(entity, name, state.position(), text(value), List.copyOf(steps));
    }

    /** The same answer as {@code masks} shows it: the entity id, and every value when the field is masked. */
    public Explain masked(Masks masks) {
        if (!masks.active()) {
            return this;
        }
        boolean hide = masks.masksField(field);
        List<Step> steps = events.stream().map(s -> hide ? new Step(s.position(), masks.type(s.type()), s.time(),
                masks.value(s.effect()), masks.value(s.value())) : new Step(s.position(), masks.type(s.type()),
                s.time(), s.effect(), s.value())).toList();
        return new Explain(masks.entity(entity), field, position, hide ? masks.value(value) : value, steps);
    }

    /** The list as CSV (a header, then one row per event): what explain --format csv and the viewer export. */
    public void writeCsv(java.io.PrintWriter out) {
        out.println("position,type,time,effect,value");
        for (Step s : events) {
            out.println(String.join(",", Integer.toString(s.position()), CsvText.cell(s.type() == null ? "" : s.type()),
                    s.time() == null ? "" : s.time().toString(), CsvText.cell(s.effect()),
                    CsvText.cell(s.value() == null ? "" : s.value())));
        }
    }

    private static String effect(ChangeStream walk, int f) {
        if (!walk.isDecimal(f) || walk.sets(f)) {
            return "= " + text(walk.after(f));
        }
        BigDecimal delta = ((BigDecimal) walk.after(f)).subtract((BigDecimal) walk.before(f));
        return (delta.signum() < 0 ? "" : "+") + delta.toPlainString();
    }

    private static Instant time(Timeline timeline, int i) {
        long t = timeline.effectiveTimeAt(i);
        return t == EventTimes.NONE ? null : EventTimes.toInstant(t);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : (String) value;
    }
}
