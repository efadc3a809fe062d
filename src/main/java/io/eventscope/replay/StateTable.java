package io.eventscope.replay;

import io.eventscope.event.DecimalColumn;
import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import java.util.Arrays;

/**
 * Every entity's state at one position, as arrays indexed by entity id. The fold mutates it; copies
 * serve as checkpoints and as the immutable state handed to callers. {@link #apply} is the pure
 * {@code evolve(state, event)} step of the replay.
 */
final class StateTable {
    private long skipped;
    final DecimalColumn[] decimals;
    final int[][] texts;
    int[] events;
    long[] lastChange;
    int[] lastPosition;
    int position;
    int flagged;
    /** Where invariant violations go as this table folds; null (checkpoint copies, seeks) checks none. */
    java.util.function.Consumer<Violation> violations;

    StateTable(int decimalFields, int textFields, int entities) {
        int n = Math.max(entities, 16);
        decimals = new DecimalColumn[decimalFields];
        for (int f = 0; f < decimalFields; f++) {
            decimals[f] = new DecimalColumn(n);
        }
        texts = new int[textFields][n];
        for (int[] t : texts) {
            Arrays.fill(t, -1);
        }
        events = new int[n];
        lastChange = new long[n];
        Arrays.fill(lastChange, EventTimes.NONE);
        lastPosition = new int[n];
    }

    private StateTable(StateTable from, int entities) {
        int n = Math.max(entities, 1);
        decimals = new DecimalColumn[from.decimals.length];
        for (int f = 0; f < decimals.length; f++) {
            decimals[f] = from.decimals[f].copy(n);
        }
        texts = new int[from.texts.length][];
        for (int f = 0; f < texts.length; f++) {
            texts[f] = Arrays.copyOf(from.texts[f], n);
        }
        events = Arrays.copyOf(from.events, n);
        lastChange = Arrays.copyOf(from.lastChange, n);
        lastPosition = Arrays.copyOf(from.lastPosition, n);
        position = from.position;
        flagged = from.flagged;
    }

    /** An independent copy trimmed to the entities that exist so far. */
    StateTable copy(int entities) {
        return new StateTable(this, Math.min(Math.max(entities, 1), events.length));
    }

    int capacity() {
        return events.length;
    }

    private void ensureEntity(int e) {
        if (e < events.length) {
            return;
        }
        int n = Math.max(e + 1, events.length * 2);
        for (DecimalColumn d : decimals) {
            d.ensureCapacity(n);
        }
        for (int f = 0; f < texts.length; f++) {
            int old = texts[f].length;
            texts[f] = Arrays.copyOf(texts[f], n);
            Arrays.fill(texts[f], old, n, -1);
        }
        events = Arrays.copyOf(events, n);
        int old = lastChange.length;
        lastChange = Arrays.copyOf(lastChange, n);
        Arrays.fill(lastChange, old, n, EventTimes.NONE);
        lastPosition = Arrays.copyOf(lastPosition, n);
    }

    /** Sets row {@code row} to {@code from}'s row {@code fromRow} (empty when {@code from} has no such row yet). */
    void copyRow(StateTable from, int fromRow, int row) {
        boolean has = fromRow < from.events.length;
        for (int f = 0; f < decimals.length; f++) {
            decimals[f].set(row, has ? from.decimals[f].get(fromRow) : null);
        }
        for (int f = 0; f < texts.length; f++) {
            texts[f][row] = has ? from.texts[f][fromRow] : -1;
        }
        events[row] = has ? from.events[fromRow] : 0;
        lastChange[row] = has ? from.lastChange[fromRow] : EventTimes.NONE;
        lastPosition[row] = has ? from.lastPosition[fromRow] : 0;
    }

    /** Applies the unflagged event at {@code index} to row {@code row} as {@link #apply} does its entity's. */
    void applyToRow(Timeline timeline, CompiledRules rules, int index, int row) {
        evolve(timeline, rules, index, row);
        events[row]++;
        long t = timeline.effectiveTimeAt(index);
        if (t != EventTimes.NONE) {
            lastChange[row] = t;
        }
        lastPosition[row] = index + 1;
    }

    /** Folds positions {@code position+1 .. to} into this state (held by the timeline: streaming drops folded ones). */
    void foldTo(Timeline timeline, CompiledRules rules, int to) {
        int base = timeline.discarded();
        for (int i = position - base; i < to - base; i++) {
            apply(timeline, rules, i);
        }
        position = Math.max(position, to);
    }

    /** Applies the event at 0-based {@code index} of those held: flagged events are counted and skipped. */
    void apply(Timeline timeline, CompiledRules rules, int index) {
        if (timeline.isFlagged(index)) {
            flagged++;
            return;
        }
        int e = timeline.entityIdAt(index);
        ensureEntity(e);
        evolve(timeline, rules, index, e);
        if (violations != null && rules.hasInvariants()) {
            check(timeline, rules, index, e);
        }
        events[e]++;
        long t = timeline.effectiveTimeAt(index);
        if (t != EventTimes.NONE) {
            lastChange[e] = t;
        }
        lastPosition[e] = timeline.discarded() + index + 1;
    }

    /** Operations of the last evolved event that did not run (bit k: operation k; every bit when its rule's
     * condition failed), so that explain lists only what ran. */
    long skipped() {
        return skipped;
    }

    /**
     * The rule interpreter: runs the compiled operations of the (unflagged) event at {@code index} on
     * row {@code row}. The replay and {@link Effects} both call this, so they cannot disagree. Every
     * condition is decided on the state before the event, then the operations whose conditions hold run.
     */
    void evolve(Timeline timeline, CompiledRules rules, int index, int row) {
        CompiledRules.TypeRules type = rules.rulesFor(timeline.typeIdAt(index));
        int[] ops = type.ops();
        long skip = 0; // bit k: operation k's condition does not hold
        if (type.conditional()) {
            org.apache.commons.jexl3.JexlContext values = rules.variables().at(this, index, row);
            if (type.when() != null && !type.when().test(values)) {
                skipped = -1L;
                return;
            }
            Expression[] when = type.opWhen();
            for (int k = 0; when != null && k < when.length; k++) {
                if (when[k] != null && !when[k].test(values)) {
                    skip |= 1L << k;
                }
            }
        }
        skipped = skip;
        for (int k = 0; k < ops.length; k += 3) {
            if ((skip & (1L << (k / 3))) != 0) {
                continue;
            }
            int source = ops[k + 1];
            int target = ops[k + 2];
            switch (ops[k]) {
                case CompiledRules.ADD -> decimals[target].addCell(row, timeline.numbers(source), index, false);
                case CompiledRules.SUBTRACT -> decimals[target].addCell(row, timeline.numbers(source), index, true);
                case CompiledRules.SET_DECIMAL -> decimals[target].copyCell(row, timeline.numbers(source), index);
                case CompiledRules.SET_TEXT -> {
                    int id = source < 0 ? -1 : timeline.textIdAt(source, index);
                    if (id >= 0) {
                        texts[target][row] = id;
                    }
                }
                case CompiledRules.SET_DECIMAL_CONSTANT -> decimals[target].set(row, rules.decimalConstant(source));
                case CompiledRules.SET_TEXT_CONSTANT -> texts[target][row] = source;
                default -> throw new IllegalStateException("opcode " + ops[k]);
            }
        }
    }

    /** Checks every invariant on row {@code row} just after the event at {@code index} was applied to it. */
    private void check(Timeline timeline, CompiledRules rules, int index, int row) {
        org.apache.commons.jexl3.JexlContext values = null;
        for (Invariant inv : rules.spec().invariants()) {
            values = values == null ? rules.variables().at(this, index, row) : values;
            if (!inv.check().test(values)) {
                java.util.Map<String, String> involved = new java.util.LinkedHashMap<>();
                for (String name : inv.check().variables()) {
                    involved.put(name, rules.variables().text(name, this, index, row));
                }
                violations.accept(new Violation(timeline.discarded() + index + 1, timeline.entityName(timeline.entityIdAt(index)),
                        inv.name(), involved));
            }
        }
    }

    /** Approximate heap of this table, for sizing checkpoints. */
    long retainedBytes() {
        long total = 20L * events.length;
        for (DecimalColumn d : decimals) {
            total += d.retainedBytes();
        }
        return total + 4L * texts.length * events.length;
    }
}
