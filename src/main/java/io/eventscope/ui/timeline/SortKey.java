package io.eventscope.ui.timeline;

/**
 * The columns the table can be sorted by; {@link RowReader} compares positions by each. OPERAND is the
 * projection's operand column (e.g. the amount).
 */
public enum SortKey {
    POSITION, EVENT_TIME, BROKER_TIME, TYPE, ENTITY, OPERAND, FLAGS
}
