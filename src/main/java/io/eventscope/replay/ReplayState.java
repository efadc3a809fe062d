package io.eventscope.replay;

import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every entity's state after the first {@link #position()} positions. Immutable. */
public final class ReplayState {
    private final Timeline timeline;
    private final CompiledRules rules;
    private final StateTable table;
    private final int entityCount;
    private final Instant time;
    private final boolean timeGiven;

    ReplayState(Timeline timeline, CompiledRules rules, StateTable table, Instant time) {
        this(timeline, rules, table, time, false);
    }

    /** @param timeGiven {@code time} is the answer even when null (a streaming fold no longer holds the event) */
    ReplayState(Timeline timeline, CompiledRules rules, StateTable table, Instant time, boolean timeGiven) {
        this.timeline = timeline;
        this.rules = rules;
        this.table = table;
        this.entityCount = Math.min(timeline.entityCount(), table.capacity());
        this.time = time;
        this.timeGiven = timeGiven;
    }

    /** How many positions are folded in (0 = nothing yet). */
    public int position() {
        return table.position;
    }

    /** The time asked for (state at a time), else the effective time of the last folded event, else null. */
    public Instant time() {
        if (time != null || timeGiven) {
            return time;
        }
        return table.position == 0 ? null
                : EventTimes.toInstant(timeline.effectiveTimeAt(table.position - 1));
    }

    /** Flagged events among the folded positions (they were skipped). */
    public int flagged() {
        return table.flagged;
    }

    /** Names of the projection's state fields, decimals first, in spec order. */
    public List<String> fieldNames() {
        List<String> out = new ArrayList<>(rules.decimalFields());
        out.addAll(rules.textFields());
        return out;
    }

    /** Entities with at least one applied event, sorted by id. */
    public List<EntityState> entities() {
        List<EntityState> out = new ArrayList<>();
        for (int e = 0; e < entityCount; e++) {
            if (table.events[e] > 0) {
                out.add(entity(e));
            }
        }
        out.sort(Comparator.comparing(EntityState::entity));
        return out;
    }

    /** The state of one entity, or null when no event has been applied to it yet. */
    public EntityState entity(String id) {
        int e = timeline.entityIdOf(id);
        return e < 0 ? null : entityOrNull(e);
    }

    EntityState entityOrNull(int e) {
        return e < entityCount && e < table.capacity() && table.events[e] > 0 ? entity(e) : null;
    }

    private EntityState entity(int e) {
        Map<String, BigDecimal> decimals = new LinkedHashMap<>();
        for (int f = 0; f < table.decimals.length; f++) {
            BigDecimal v = table.decimals[f].get(e);
            decimals.put(rules.decimalFields().get(f), v == null ? BigDecimal.ZERO : v);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (int f = 0; f < table.texts.length; f++) {
            int id = table.texts[f][e];
            texts.put(rules.textFields().get(f), rules.textOf(id));
        }
        return new EntityState(timeline.entityName(e), decimals, texts, table.events[e],
                EventTimes.toInstant(table.lastChange[e]), table.lastPosition[e]);
    }
}
