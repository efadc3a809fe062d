package io.eventscope.ui.timeline;

import io.eventscope.event.Timeline;
import java.math.BigDecimal;
import java.util.Comparator;

/** The columns the table can be sorted by, each compared straight from the timeline's columns. */
public enum SortKey {
    POSITION, EVENT_TIME, BROKER_TIME, TYPE, ENTITY, AMOUNT, FLAGS;

    /** Compares positions (1-based) by this key; ties keep timeline order. */
    public Comparator<Integer> comparator(Timeline t) {
        Comparator<Integer> byKey = switch (this) {
            case POSITION -> Comparator.comparingInt(p -> p);
            case EVENT_TIME -> Comparator.comparingLong(p -> t.hasEventTime(p - 1) ? t.effectiveTimeAt(p - 1) : Long.MIN_VALUE);
            case BROKER_TIME -> Comparator.comparingLong(p -> t.brokerTimeAt(p - 1));
            case TYPE -> Comparator.comparing(p -> nullToEmpty(t.typeName(t.typeIdAt(p - 1))));
            case ENTITY -> Comparator.comparing(p -> t.entityName(t.entityIdAt(p - 1)));
            case AMOUNT -> Comparator.comparing(p -> amount(t, p), Comparator.nullsFirst(Comparator.naturalOrder()));
            case FLAGS -> Comparator.comparing(p -> t.isFlagged(p - 1));
        };
        return byKey.thenComparingInt(p -> p);
    }

    private static BigDecimal amount(Timeline t, int position) {
        int f = t.numericFieldIndex("amount");
        return f < 0 ? null : t.numbers(f).get(position - 1);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
