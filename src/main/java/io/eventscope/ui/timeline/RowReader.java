package io.eventscope.ui.timeline;

import io.eventscope.audit.ClockFindings;
import io.eventscope.event.Flag;
import io.eventscope.event.Timeline;
import io.eventscope.replay.Effects;
import io.eventscope.replay.Masks;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.format.TimeDisplay;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one table row shows, read from the timeline's columns for a 1-based position (converted by
 * {@link Positions}). Numbers come from the projection's rules ({@link Effects}),
 * so the operand column and the credit/debit colouring say what replay does. Not thread-safe (its
 * Effects): the view model makes one for the FX thread and one per sort.
 */
public final class RowReader {
    /** Reads nothing: no source is open. */
    static final RowReader NONE = new RowReader(null, null, Masks.none(), null, null);

    private final Timeline timeline;
    private final Effects effects;
    private final Masks masks;
    private final String operandField;
    private final java.time.Duration clockSkew;

    RowReader(Timeline timeline, Effects effects, Masks masks, String operandField, java.time.Duration clockSkew) {
        this.timeline = timeline;
        this.effects = effects;
        this.masks = masks;
        this.operandField = operandField;
        this.clockSkew = clockSkew;
    }

    /**
     * True when {@code position} is a row of this source: a recycled cell may briefly hold a position of
     * the previous source, which then shows nothing.
     */
    public boolean readable(Integer position) {
        return timeline != null && position != null && position >= 1 && position <= timeline.size();
    }

    public String positionText(int position) {
        return "#" + Formats.count(position);
    }

    /** The payload's event time, empty when it named none (the broker time is in its own column). */
    public String eventTime(int position, TimeDisplay times) {
        int i = Positions.index(position);
        return timeline.hasEventTime(i) ? times.formatNanos(timeline.effectiveTimeAt(i)) : "";
    }

    public String brokerTime(int position, TimeDisplay times) {
        return times.formatNanos(timeline.brokerTimeAt(Positions.index(position)));
    }

    public String type(int position) {
        String type = timeline.typeName(timeline.typeIdAt(Positions.index(position)));
        return type == null ? "" : masks.type(type);
    }

    public String entity(int position) {
        return masks.entity(timeline.entityName(timeline.entityIdAt(Positions.index(position))));
    }

    /** The operand (e.g. the amount) exact, or null when the event has none. */
    public BigDecimal operand(int position) {
        return effects.operand(Positions.index(position));
    }

    public String operandText(int position) {
        return masks.field(operandField, Formats.money(operand(position)));
    }

    /** The row's clock findings named as the findings menu names them, one a line; empty when none. */
    public String clockReasons(int position) {
        int i = Positions.index(position);
        String skew = ClockFindings.isSkewed(timeline, i, clockSkew) ? "clock: " + ClockFindings.skewLabel(clockSkew) : "";
        String back = ClockFindings.goesBackwards(timeline, i) ? "clock: " + ClockFindings.BACKWARDS_LABEL : "";
        return skew.isEmpty() || back.isEmpty() ? skew + back : skew + "\n" + back;
    }

    /** True when the event's two clocks disagree beyond the projection's clockSkew, or its time goes backwards. */
    public boolean clockIssue(int position) {
        int i = Positions.index(position);
        return ClockFindings.isSkewed(timeline, i, clockSkew) || ClockFindings.goesBackwards(timeline, i);
    }

    /** +1 credit, -1 debit, 0 neither (flagged, no effect, or a plain set): for colouring. */
    public int direction(int position) {
        return effects.direction(Positions.index(position));
    }

    public boolean flagged(int position) {
        return timeline.isFlagged(Positions.index(position));
    }

    /** "⚑ " and the flags' short labels, empty for a good event. */
    public String flagText(int position) {
        List<Flag> flags = timeline.flagsAt(Positions.index(position));
        return flags.isEmpty() ? "" : "⚑ " + flags.stream().map(f -> f.kind().label()).collect(Collectors.joining(", "));
    }

    /** Every flag's full reason, one a line, for the row's tooltip. */
    public String flagReasons(int position) {
        return timeline.flagsAt(Positions.index(position)).stream().map(masks::reason).collect(Collectors.joining("\n"));
    }

    /** Compares positions by {@code key}; ties keep timeline order. */
    Comparator<Integer> comparator(SortKey key) {
        Comparator<Integer> byKey = switch (key) {
            case POSITION -> Comparator.comparingInt(p -> p);
            case EVENT_TIME -> Comparator.comparingLong(p -> timeline.hasEventTime(Positions.index(p))
                    ? timeline.effectiveTimeAt(Positions.index(p)) : Long.MIN_VALUE);
            case BROKER_TIME -> Comparator.comparingLong(p -> timeline.brokerTimeAt(Positions.index(p)));
            case TYPE -> Comparator.comparing(this::type);
            case ENTITY -> Comparator.comparing(this::entity);
            case OPERAND -> Comparator.comparing(this::operand, Comparator.nullsFirst(Comparator.naturalOrder()));
            case FLAGS -> Comparator.comparing(this::flagged);
        };
        return byKey.thenComparingInt(p -> p);
    }
}
