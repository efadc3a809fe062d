package io.eventscope.replay;

import io.eventscope.event.Timeline;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.jexl3.JexlContext;

/**
 * What the names in conditions and invariants stand for, resolved once per timeline: the event's type
 * and entity, its payload fields (the decimal or text column they were decoded into) and the entity's
 * state fields. {@link #at} gives the values for one event and one state row as a JEXL context.
 */
final class Variables {
    private static final int TYPE = 0;
    private static final int ENTITY = 1;
    private static final int STATE_DECIMAL = 2;
    private static final int STATE_TEXT = 3;
    private static final int PAYLOAD_NUMBER = 4;
    private static final int PAYLOAD_TEXT = 5;

    private final CompiledRules rules;
    private final Timeline timeline;
    private final Map<String, int[]> where = new HashMap<>();

    Variables(CompiledRules rules, Timeline timeline) {
        this.rules = rules;
        this.timeline = timeline;
        where.put("type", new int[]{TYPE, 0});
        where.put("entity", new int[]{ENTITY, 0});
        for (Expression e : rules.spec().expressions()) {
            for (String name : e.variables()) {
                where.computeIfAbsent(name, this::locate);
            }
        }
    }

    private int[] locate(String name) {
        int f = rules.decimalFields().indexOf(name);
        if (f >= 0) {
            return new int[]{STATE_DECIMAL, f};
        }
        f = rules.textFields().indexOf(name);
        if (f >= 0) {
            return new int[]{STATE_TEXT, f};
        }
        f = timeline.numericFieldIndex(name);
        if (f >= 0) {
            return new int[]{PAYLOAD_NUMBER, f};
        }
        return new int[]{PAYLOAD_TEXT, timeline.textFieldIndex(name)};
    }

    /** The values of event {@code index} and of row {@code row} of {@code table}. */
    JexlContext at(StateTable table, int index, int row) {
        return new JexlContext() {
            @Override
            public Object get(String name) {
                return value(name, table, index, row);
            }

            @Override
            public void set(String name, Object value) {
                throw new UnsupportedOperationException("projection expressions cannot assign");
            }

            @Override
            public boolean has(String name) {
                return where.containsKey(name);
            }
        };
    }

    /** A value as the expression sees it: BigDecimal for numbers, String for text, null when absent. */
    Object value(String name, StateTable table, int index, int row) {
        int[] w = where.get(name);
        if (w == null) {
            return null;
        }
        return switch (w[0]) {
            case TYPE -> timeline.typeName(timeline.typeIdAt(index));
            case ENTITY -> timeline.entityName(timeline.entityIdAt(index));
            case STATE_DECIMAL -> {
                BigDecimal v = table.decimals[w[1]].get(row);
                yield v == null ? BigDecimal.ZERO : v;
            }
            case STATE_TEXT -> rules.textOf(table.texts[w[1]][row]);
            case PAYLOAD_NUMBER -> timeline.numbers(w[1]).get(index);
            default -> {
                int id = w[1] < 0 ? -1 : timeline.textIdAt(w[1], index);
                yield id < 0 ? null : timeline.textValue(id);
            }
        };
    }

    /** A value as a violation reports it: exact decimal text, the text itself, or "" when absent. */
    String text(String name, StateTable table, int index, int row) {
        Object v = value(name, table, index, row);
        return v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }
}
