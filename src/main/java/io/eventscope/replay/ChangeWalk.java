package io.eventscope.replay;

import io.eventscope.event.Timeline;

/**
 * What each event did, one position after another, from a starting position: the replay's own fold
 * on a private copy of the state, so walking a million events costs one fold, not a seek per event.
 * Not thread-safe; one walk per reader.
 */
public final class ChangeWalk {
    private final Timeline timeline;
    private final CompiledRules rules;
    private final StateTable table;

    ChangeWalk(Timeline timeline, CompiledRules rules, StateTable table) {
        this.timeline = timeline;
        this.rules = rules;
        this.table = table;
    }

    /** The position {@link #next()} answers for. */
    public int nextPosition() {
        return table.position + 1;
    }

    /** What the event at {@link #nextPosition()} changed for its entity; the walk then moves past it. */
    public EventChange next() {
        int index = table.position;
        if (index >= timeline.size()) {
            throw new IllegalStateException("position " + (index + 1) + " is not loaded");
        }
        int entity = timeline.entityIdAt(index);
        EntityState before = new ReplayState(timeline, rules, table, null).entityOrNull(entity);
        table.apply(timeline, rules, index);
        table.position = index + 1;
        EntityState after = new ReplayState(timeline, rules, table, null).entityOrNull(entity);
        return new EventChange(index + 1, timeline.entityName(entity), before, after, !timeline.isFlagged(index));
    }
}
