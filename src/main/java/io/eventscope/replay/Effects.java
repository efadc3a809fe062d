package io.eventscope.replay;

import io.eventscope.event.DecimalColumn;
import io.eventscope.event.Timeline;
import java.math.BigDecimal;

/**
 * What each event does to one decimal state field (by default the projection's primary one, the banking
 * spec's balance), per 0-based index: the chart folds it per entity, the table colours credits and
 * debits with it. It runs
 * the replay's own interpreter ({@link StateTable#evolve}) on a one-row scratch state, so it says
 * exactly what the engine says. The field names come from the spec, never from here.
 *
 * <p>Not thread-safe (the scratch row): ask {@link ReplayEngine#effects()} for one per thread.
 */
public final class Effects {
    private static final int ROW = 0;

    private final Timeline timeline;
    private final CompiledRules rules;
    /** Gives the entity's whole state before an event, so conditions on other fields decide as in replay. */
    private final ReplayEngine engine;
    private final int field;
    private final int operandColumn;
    private final StateTable scratch;
    /** One entity's whole state, for {@link #direction} (apart from {@link #scratch}, which holds one field). */
    private final StateTable entityRow;
    /** Whole entity states folded by {@link #advance}, one row per caller's series; grown on demand. */
    private StateTable rows;

    Effects(Timeline timeline, CompiledRules rules, ReplayEngine engine) {
        this(timeline, rules, engine, rules.primaryField());
    }

    private Effects(Timeline timeline, CompiledRules rules, ReplayEngine engine, int field) {
        this.timeline = timeline;
        this.rules = rules;
        this.engine = engine;
        this.field = field;
        String operand = rules.spec().primaryOperandField();
        this.operandColumn = operand == null ? -1 : timeline.numericFieldIndex(operand);
        this.scratch = new StateTable(rules.decimalFields().size(), rules.textFields().size(), 1);
        this.entityRow = new StateTable(rules.decimalFields().size(), rules.textFields().size(), 1);
    }

    /**
     * The same answers for the decimal state field {@code name} instead of the primary one (the chart's
     * field chooser); null when the projection has no decimal field of that name. A new instance.
     */
    public Effects forField(String name) {
        int f = rules.decimalFields().indexOf(name);
        return f < 0 ? null : new Effects(timeline, rules, engine, f);
    }

    /** The decimal state fields, in spec order: what {@link #forField} accepts. */
    public java.util.List<String> decimalFields() {
        return java.util.List.copyOf(rules.decimalFields());
    }

    /** The field these answers are about (e.g. "balance"), or null when the spec has no decimal field. */
    public String field() {
        return field < 0 ? null : rules.decimalFields().get(field);
    }

    /** The payload field the rules add or subtract into {@link #field()} (e.g. "amount"), or null. */
    public String operandField() {
        return rules.spec().primaryOperandField();
    }

    /** The primary field's value after the event at {@code index}, given its value {@code before}. */
    public BigDecimal apply(BigDecimal before, int index) {
        if (field < 0 || timeline.isFlagged(index)) {
            return before;
        }
        DecimalColumn cell = scratch.decimals[field];
        cell.set(ROW, before);
        scratch.evolve(timeline, rules, index, ROW);
        BigDecimal after = cell.get(ROW);
        return after == null ? BigDecimal.ZERO : after; // as the replay reports an emptied field
    }

    /**
     * Applies the event at {@code index} to the whole state held in {@code row} (every field, so a rule
     * whose outcome depends on other fields folds as the replay does) and returns this field's value
     * after it. Rows start empty, as an entity before its first event; flagged events change nothing.
     */
    public BigDecimal advance(int row, int index) {
        ensureRows(row + 1);
        if (field >= 0 && !timeline.isFlagged(index)) {
            rows.evolve(timeline, rules, index, row);
        }
        BigDecimal after = field < 0 ? null : rows.decimals[field].get(row);
        return after == null ? BigDecimal.ZERO : after;
    }

    private void ensureRows(int n) {
        if (rows != null && rows.capacity() >= n) {
            return;
        }
        StateTable grown = new StateTable(rules.decimalFields().size(), rules.textFields().size(), n * 2);
        if (rows != null) {
            for (int r = 0; r < rows.capacity(); r++) {
                for (int f = 0; f < rows.decimals.length; f++) {
                    grown.decimals[f].set(r, rows.decimals[f].get(r));
                }
                for (int f = 0; f < rows.texts.length; f++) {
                    grown.texts[f][r] = rows.texts[f][r];
                }
            }
        }
        rows = grown;
    }

    /**
     * +1 when the event raises the primary field (a credit), -1 when it lowers it (a debit), 0 when it
     * leaves it alone, is flagged (replay skips it), or sets it outright (neither a credit nor a debit).
     */
    public int direction(int index) {
        if (field < 0 || timeline.isFlagged(index) || setsField(index)) {
            return 0;
        }
        // on the entity's whole state before the event: a condition may read any field (read only for
        // rows on screen; the engine folds from its nearest checkpoint, only this entity's events)
        engine.entityBefore(index, entityRow, ROW);
        DecimalColumn cell = entityRow.decimals[field];
        BigDecimal before = cell.get(ROW);
        entityRow.evolve(timeline, rules, index, ROW);
        BigDecimal after = cell.get(ROW);
        return (after == null ? BigDecimal.ZERO : after).compareTo(before == null ? BigDecimal.ZERO : before);
    }

    /** The event's operand (e.g. its amount) as written, exact; null when it has none. */
    public BigDecimal operand(int index) {
        return operandColumn < 0 ? null : timeline.numbers(operandColumn).get(index);
    }

    private boolean setsField(int index) {
        int[] ops = rules.opsFor(timeline.typeIdAt(index));
        for (int k = 0; k < ops.length; k += 3) {
            if ((ops[k] == CompiledRules.SET_DECIMAL || ops[k] == CompiledRules.SET_DECIMAL_CONSTANT)
                    && ops[k + 2] == field) {
                return true;
            }
        }
        return false;
    }
}
