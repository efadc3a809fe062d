package io.eventscope.audit;

import io.eventscope.event.CsvText;
import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import io.eventscope.replay.ChangeStream;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.ReplayState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
        Steps steps = new Steps(engine.timeline(), engine.spec(), entity, field, cut.position(), cut.at());
        steps.accept(engine.timeline());
        return steps.explain(cut.state(engine));
    }

    /**
     * Gathers one entity's changes burst by burst as the fold walks the source (a loaded timeline is one
     * burst): memory is that entity's own history, not the source's events. Positions up to
     * {@code limit} are walked; at a time cut, events later than {@code at} are stepped over, as the
     * replay leaves them out.
     */
    public static final class Steps implements Consumer<Timeline> {
        private final Timeline timeline;
        private final ChangeStream walk;
        private final String entity;
        private final String name;
        private final int f;
        private final int limit;
        private final long atNanos;
        private final boolean byTime;
        private final List<Step> steps = new ArrayList<>();
        private int id = -1;

        /**
         * @param limit the last position to walk, or -1 for every one (a streamed time cut learns its end last)
         * @throws IllegalArgumentException with one sentence when the field is not the projection's
         */
        public Steps(Timeline timeline, ProjectionSpec spec, String entity, String field, int limit, Instant at) {
            this.timeline = timeline;
            this.walk = new ChangeStream(timeline, spec);
            this.entity = entity;
            this.name = field == null ? spec.primaryField() : field;
            this.f = walk.fields().indexOf(name);
            if (f < 0) {
                throw new IllegalArgumentException("The projection " + spec.name() + " has no state field "
                        + name + " (its fields: " + String.join(", ", walk.fields()) + ").");
            }
            this.limit = limit < 0 ? Integer.MAX_VALUE : limit;
            this.byTime = at != null;
            this.atNanos = at == null ? EventTimes.NONE : EventTimes.toNanos(at);
        }

        /** Walks the positions the timeline holds (up to the limit) that this has not walked. */
        @Override
        public void accept(Timeline t) {
            if (id < 0) {
                id = timeline.entityIdOf(entity); // names are interned as read: known once the entity appeared
            }
            int base = timeline.discarded();
            int end = Math.min(limit, base + timeline.size());
            for (int p = walk.position(); p < end; p++) {
                if (byTime && timeline.effectiveTimeAt(p - base) > atNanos) {
                    walk.skip();
                    continue;
                }
                walk.next();
                if (walk.entityId() == id && walk.touches(f)) {
                    steps.add(new Step(p + 1, timeline.typeName(timeline.typeIdAt(p - base)), time(timeline, p - base),
                            effect(walk, f), text(walk.after(f))));
                }
            }
        }

        /**
         * The explanation once every position to the cut was walked; {@code state} is the fold's state there.
         *
         * @throws IllegalArgumentException with one sentence when no event named the entity
         */
        public Explain explain(ReplayState state) {
            if (timeline.entityIdOf(entity) < 0) {
                throw new IllegalArgumentException("No event of " + timeline.sourceName() + " names the entity "
                        + entity + "; check the id (ids are case-sensitive).");
            }
            EntityState at = state.entity(entity);
            Object value = at == null ? (walk.isDecimal(f) ? BigDecimal.ZERO : null)
                    : walk.isDecimal(f) ? at.decimal(name) : at.texts().get(name);
            return new Explain(entity, name, state.position(), text(value), List.copyOf(steps));
        }
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
