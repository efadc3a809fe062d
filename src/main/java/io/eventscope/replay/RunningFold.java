package io.eventscope.replay;

import io.eventscope.event.CatchUpReader;
import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The replay's fold for a source read as a stream (a streaming writer folds each burst, then drops it):
 * {@link #foldHeld()} folds the positions the timeline holds with the same {@link StateTable#apply} the
 * {@link ReplayEngine} folds with, up to a cut, so its {@link #state()} equals the engine's
 * {@code stateAt}/{@code stateAtTime} on the whole timeline. It keeps one state table: memory grows with
 * entities, not events.
 *
 * <p>A cut at an instant folds, in position order, exactly the events whose effective time is at or
 * before it: what {@link ReplayEngine#stateAtTime} folds (its prefix, then the late events after it).
 */
public final class RunningFold implements CatchUpReader {
    private final Timeline timeline;
    private final CompiledRules rules;
    private final StateTable table;
    /** Position cut, or -1 (to the end, or by time). */
    private final int cutPosition;
    /** Time cut (epoch nanos) when {@link #at} is not null. */
    private final long cutNanos;
    private final Instant at;
    /** Positions looked at so far (a time cut skips later events, so this runs ahead of the table). */
    private int scanned;
    private Instant lastTime;

    private RunningFold(Timeline timeline, ProjectionSpec spec, int cutPosition, Instant at) {
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.rules = new CompiledRules(spec, timeline);
        this.table = new StateTable(rules.decimalFields().size(), rules.textFields().size(), 16);
        this.cutPosition = cutPosition;
        this.at = at;
        this.cutNanos = at == null ? EventTimes.NONE : EventTimes.toNanos(at);
    }

    /** Folds every position: the state at the end. */
    public static RunningFold toEnd(Timeline timeline, ProjectionSpec spec) {
        return new RunningFold(timeline, spec, -1, null);
    }

    /** Folds the first {@code position} positions (0 or more), as {@link ReplayEngine#stateAt}. */
    public static RunningFold toPosition(Timeline timeline, ProjectionSpec spec, int position) {
        if (position < 0) {
            throw new IllegalArgumentException("position " + position + " is before the first");
        }
        return new RunningFold(timeline, spec, position, null);
    }

    /** Folds the events at or before {@code at}, as {@link ReplayEngine#stateAtTime}. */
    public static RunningFold atTime(Timeline timeline, ProjectionSpec spec, Instant at) {
        return new RunningFold(timeline, spec, -1, Objects.requireNonNull(at, "at"));
    }

    /** Sends the invariant violations of the folded positions to {@code sink}, in position order. */
    public RunningFold violations(Consumer<Violation> sink) {
        table.violations = sink;
        return this;
    }

    /** Folds what the timeline holds and this fold has not seen; call after each burst and at the end. */
    public void foldHeld() {
        int base = timeline.discarded();
        int end = base + timeline.size();
        if (at != null) {
            for (int i = Math.max(scanned, base) - base; i < end - base; i++) {
                if (timeline.effectiveTimeAt(i) <= cutNanos) {
                    table.apply(timeline, rules, i);
                    table.position = base + i + 1;
                }
            }
            scanned = end;
            return;
        }
        int to = cutPosition < 0 ? end : Math.min(end, cutPosition);
        if (to > table.position) {
            table.foldTo(timeline, rules, to);
            lastTime = EventTimes.toInstant(timeline.effectiveTimeAt(to - 1 - base));
        }
        scanned = end;
    }

    /** As {@link #foldHeld()}: a streaming read hands this fold its timeline as positions are published. */
    @Override
    public void accept(Timeline held) {
        foldHeld();
    }

    /** Positions looked at so far: the source's length once the stream has ended. */
    public int scanned() {
        return scanned;
    }

    /** What this fold has folded so far, to seed the engine of a held window that starts after it. */
    public PriorState prior() {
        return new PriorState(table);
    }

    /** The answer so far (at the cut once the stream has passed it); reads the fold's live table. */
    public ReplayState state() {
        Instant time = at != null ? at : table.position == 0 ? null : lastTime;
        return new ReplayState(timeline, rules, table, time, true);
    }
}
