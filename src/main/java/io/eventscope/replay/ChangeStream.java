package io.eventscope.replay;

import io.eventscope.event.Timeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a timeline from its first position on, one event at a time, and says what each event did to every
 * state field of its entity (the value before and after). It folds with the replay's own interpreter
 * ({@link StateTable#apply}) and keeps one state table, never a copy per event, so exports and explanations
 * of millions of events run in the memory of one state.
 *
 * <p>Fields are numbered decimals first, then texts, in spec order (as {@link #fields()} lists them).
 */
public final class ChangeStream {
    private final Timeline timeline;
    private final CompiledRules rules;
    private final StateTable table;
    private final int decimals;
    private final Object[] before;
    private final Object[] after;
    private int entity = -1;
    private boolean applied;
    private boolean skipped;

    public ChangeStream(Timeline timeline, ProjectionSpec spec) {
        this.timeline = timeline;
        this.rules = new CompiledRules(spec, timeline);
        this.decimals = rules.decimalFields().size();
        this.table = new StateTable(decimals, rules.textFields().size(), timeline.entityCount());
        int n = decimals + rules.textFields().size();
        this.before = new Object[n];
        this.after = new Object[n];
    }

    /** State field names, decimals first, in spec order. */
    public List<String> fields() {
        List<String> out = new ArrayList<>(rules.decimalFields());
        out.addAll(rules.textFields());
        return out;
    }

    /** Whether field {@code f} holds decimals (else text). */
    public boolean isDecimal(int f) {
        return f < decimals;
    }

    /** Positions walked so far; the last one walked is this position. */
    public int position() {
        return table.position;
    }

    /**
     * Folds the next position (flagged events are skipped by the fold, as replay skips them). It must be held
     * by the timeline: a streamed one holds positions {@code discarded()+1 ..} of its current burst.
     */
    public void next() {
        int i = table.position - timeline.discarded();
        entity = timeline.entityIdAt(i);
        capture(before);
        table.apply(timeline, rules, i);
        table.position++;
        capture(after);
        applied = !timeline.isFlagged(i);
        skipped = false;
    }

    /** Steps over the next position without applying it (an event a time cut leaves out). */
    public void skip() {
        entity = timeline.entityIdAt(table.position - timeline.discarded());
        capture(before);
        System.arraycopy(before, 0, after, 0, before.length);
        table.position++;
        applied = false;
        skipped = true;
    }

    /** Whether the last walked event was applied (false: flagged, or stepped over by {@link #skip()}). */
    public boolean applied() {
        return applied;
    }

    public boolean skipped() {
        return skipped;
    }

    /** The last walked event's entity. */
    public String entity() {
        return timeline.entityName(entity);
    }

    public int entityId() {
        return entity;
    }

    /** Field {@code f} of the last walked event's entity just before it: a BigDecimal (zero when unset) or a String (null when unset). */
    public Object before(int f) {
        return before[f];
    }

    public Object after(int f) {
        return after[f];
    }

    /** Whether the last walked event was applied and its type's rules write field {@code f}. */
    public boolean touches(int f) {
        if (!applied) {
            return false;
        }
        int[] ops = rules.opsFor(timeline.typeIdAt(table.position - 1 - timeline.discarded()));
        long skipped = table.skipped();
        for (int k = 0; k < ops.length; k += 3) {
            // A constant's target is a field like any other: "status" set to "open" touches status, not balance.
            boolean text = ops[k] == CompiledRules.SET_TEXT || ops[k] == CompiledRules.SET_TEXT_CONSTANT;
            if ((skipped & (1L << (k / 3))) == 0 && text == (f >= decimals) && ops[k + 2] == (text ? f - decimals : f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the last walked event's rules set field {@code f} outright (rather than adding to it). */
    public boolean sets(int f) {
        int[] ops = rules.opsFor(timeline.typeIdAt(table.position - 1 - timeline.discarded()));
        for (int k = 0; k < ops.length; k += 3) {
            boolean decimalSet = ops[k] == CompiledRules.SET_DECIMAL || ops[k] == CompiledRules.SET_DECIMAL_CONSTANT;
            boolean textSet = ops[k] == CompiledRules.SET_TEXT || ops[k] == CompiledRules.SET_TEXT_CONSTANT;
            boolean ran = (table.skipped() & (1L << (k / 3))) == 0;
            if (ran && ((decimalSet && f < decimals && ops[k + 2] == f) || (textSet && f >= decimals && ops[k + 2] == f - decimals))) {
                return true;
            }
        }
        return false;
    }

    private void capture(Object[] into) {
        boolean known = entity < table.capacity();
        for (int f = 0; f < decimals; f++) {
            BigDecimal v = known ? table.decimals[f].get(entity) : null;
            into[f] = v == null ? BigDecimal.ZERO : v;
        }
        for (int f = decimals; f < into.length; f++) {
            int id = known ? table.texts[f - decimals][entity] : -1;
            into[f] = rules.textOf(id); // -1 is unset; a rule's constant ("open") has an id below it, not null
        }
    }
}
