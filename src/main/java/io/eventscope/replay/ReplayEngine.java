package io.eventscope.replay;

import io.eventscope.event.EventTimes;
import io.eventscope.event.MemoryBudget;
import io.eventscope.event.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers "what was every entity's state after position N / at time T" for a timeline that may still
 * be growing. It keeps checkpoints (full state snapshots) spaced so their memory stays a small share
 * of the timeline's, and answers a seek by copying the nearest checkpoint below and folding the few
 * events after it, never by replaying from zero once the checkpoints exist.
 */
public final class ReplayEngine {
    /** Smallest spacing between checkpoints, in events. */
    static final int MIN_INTERVAL = 1024;

    private final Timeline timeline;
    private final CompiledRules rules;
    private final TimeIndex timeIndex;
    private TimeIndex brokerIndex; // built on the first broker-time Go to
    private final List<StateTable> checkpoints = new ArrayList<>();
    private final StateTable frontier;
    private final int minInterval;
    /** Invariant violations of the positions the frontier has folded, in position order. */
    private final List<Violation> violations = new ArrayList<>();
    private List<Violation> violationsView = List.of();
    private int[] violationPositions = new int[0];

    public ReplayEngine(Timeline timeline, ProjectionSpec spec) {
        this(timeline, spec, MIN_INTERVAL, null);
    }

    /**
     * For a held window: every state (checkpoints, seeks, changes, the chart's effects) starts from
     * {@code prior}, the fold of the history before the window, instead of zero; null starts from zero.
     */
    public ReplayEngine(Timeline timeline, ProjectionSpec spec, PriorState prior) {
        this(timeline, spec, MIN_INTERVAL, prior);
    }

    /** With a custom smallest checkpoint spacing (tests use tiny ones to exercise many checkpoints). */
    ReplayEngine(Timeline timeline, ProjectionSpec spec, int minInterval) {
        this(timeline, spec, minInterval, null);
    }

    ReplayEngine(Timeline timeline, ProjectionSpec spec, int minInterval, PriorState prior) {
        this.minInterval = minInterval;
        this.timeline = timeline;
        this.rules = new CompiledRules(spec, timeline);
        this.timeIndex = new TimeIndex(timeline);
        this.frontier = prior == null ? newTable() : prior.atWindowStart();
        this.frontier.violations = violations::add; // the frontier folds every position once, in order
        checkpoints.add(frontier.copy(prior == null ? 1 : frontier.capacity()));
    }

    public Timeline timeline() {
        return timeline;
    }

    public ProjectionSpec spec() {
        return rules.spec();
    }

    /**
     * Per-position answers about the primary decimal field (chart, credit/debit colouring), from the
     * same compiled rules the engine folds with. A new instance per call: one per thread.
     */
    public Effects effects() {
        return new Effects(timeline, rules, this);
    }

    /** State after the first {@code position} positions (0 = before any event). */
    public synchronized ReplayState stateAt(int position) {
        return new ReplayState(timeline, rules, tableAt(position), null);
    }

    /**
     * State including every event whose effective time (event time, else broker time) is at or
     * before {@code instant}. Events without any time count at the time of the event before them.
     */
    public synchronized ReplayState stateAtTime(Instant instant) {
        long t = EventTimes.toNanos(instant);
        int prefix = timeIndex.prefixEnd(t);
        StateTable table = tableAt(prefix);
        for (int late : timeIndex.lateAtOrBefore(prefix, t)) {
            table.apply(timeline, rules, late);
            table.position = late + 1;
        }
        return new ReplayState(timeline, rules, table, instant);
    }

    /** The position a "state at time" lands on: the last event at or before {@code instant}. */
    public synchronized int positionAtTime(Instant instant) {
        return timeIndex.prefixEnd(EventTimes.toNanos(instant));
    }

    /**
     * The position Go to… lands on for an instant on the broker's clock, by the rule of
     * {@link #positionAtTime}: the end of the longest prefix of events whose broker times are all at or
     * before {@code instant}. Broker times need not grow (merged partitions, resends): the index keeps
     * their running maximum, so one out-of-order event never ends the prefix early, and each search is a
     * binary search (the index extends itself by what was appended since).
     */
    public synchronized int positionAtBrokerTime(Instant instant) {
        if (brokerIndex == null) {
            brokerIndex = new TimeIndex(timeline, timeline::brokerTimeAt);
        }
        return brokerIndex.prefixEnd(EventTimes.toNanos(instant));
    }

    /** What the event at {@code position} changed for its entity. */
    public synchronized EventChange changeAt(int position) {
        checkPosition(position);
        if (position == 0) {
            throw new IllegalArgumentException("position 0 is before the first event");
        }
        StateTable table = tableAt(position - 1);
        int index = position - 1;
        int entity = timeline.entityIdAt(index);
        EntityState before = new ReplayState(timeline, rules, table.copy(timeline.entityCount()), null)
                .entityOrNull(entity);
        table.apply(timeline, rules, index);
        table.position = position;
        EntityState after = new ReplayState(timeline, rules, table, null).entityOrNull(entity);
        return new EventChange(position, timeline.entityName(entity), before, after, !timeline.isFlagged(index));
    }

    /**
     * Every invariant violation among the positions loaded so far, in position order: a product of the
     * same fold that answers {@link #stateAt}, kept as it runs, so calling again only folds what was
     * appended since.
     */
    public synchronized List<Violation> violations() {
        foldFrontierToEnd();
        return violationsView;
    }

    /** The positions of {@link #violations()}, sorted (a position may appear once per invariant it breaks). */
    public synchronized int[] violationPositions() {
        foldFrontierToEnd();
        return violationPositions.clone();
    }

    private void foldFrontierToEnd() {
        if (!rules.hasInvariants()) {
            return; // nothing to find: no need to fold ahead of what callers ask for
        }
        int size = timeline.size();
        extendCheckpoints(size);
        int before = violations.size();
        frontier.foldTo(timeline, rules, size);
        if (violations.size() != before || violationsView.size() != violations.size()) {
            violationsView = List.copyOf(violations);
            violationPositions = violations.stream().mapToInt(Violation::position).toArray();
        }
    }

    /** A walk over what each event did, starting at {@code position} (1-based). */
    public synchronized ChangeWalk changesFrom(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1");
        }
        return new ChangeWalk(timeline, rules, tableAt(position - 1));
    }

    /** Plain fold from zero, without checkpoints: the reference the engine must always agree with. */
    public static ReplayState foldFromZero(Timeline timeline, ProjectionSpec spec, int position) {
        CompiledRules rules = new CompiledRules(spec, timeline);
        StateTable table = new StateTable(rules.decimalFields().size(), rules.textFields().size(),
                timeline.entityCount());
        table.foldTo(timeline, rules, position);
        return new ReplayState(timeline, rules, table, null);
    }

    /** How many checkpoints exist (for measurement). */
    public synchronized int checkpointCount() {
        return checkpoints.size();
    }

    /** Approximate heap held by checkpoints (for measurement). */
    public synchronized long checkpointBytes() {
        long total = 0;
        for (StateTable c : checkpoints) {
            total += c.retainedBytes();
        }
        return total;
    }

    /**
     * Puts the whole state of the entity of the event at {@code index}, just before that event, into row
     * {@code row} of {@code into}: its row at the nearest checkpoint, then only its own events after it.
     */
    synchronized void entityBefore(int index, StateTable into, int row) {
        extendCheckpoints(index);
        StateTable base = floor(index);
        int entity = timeline.entityIdAt(index);
        into.copyRow(base, entity, row);
        for (int i = base.position; i < index; i++) {
            if (timeline.entityIdAt(i) == entity && !timeline.isFlagged(i)) {
                into.applyToRow(timeline, rules, i, row);
            }
        }
    }

    private StateTable tableAt(int position) {
        checkPosition(position);
        extendCheckpoints(position);
        StateTable base = floor(position);
        StateTable table = base.copy(timeline.entityCount());
        table.foldTo(timeline, rules, position);
        return table;
    }

    private void checkPosition(int position) {
        int size = timeline.size();
        if (position < 0 || position > size) {
            throw new IllegalArgumentException("position " + position + " is beyond the end (the timeline has "
                    + size + " positions)");
        }
    }

    private void extendCheckpoints(int position) {
        while (true) {
            int next = frontier.position + interval();
            if (next > position) {
                return;
            }
            frontier.foldTo(timeline, rules, next);
            checkpoints.add(frontier.copy(timeline.entityCount()));
        }
    }

    /** Spacing that keeps checkpoints at about {@link MemoryBudget#CHECKPOINT_BYTES_PER_EVENT} bytes per event. */
    private int interval() {
        long perEntity = 20L + 9L * rules.decimalFields().size() + 4L * rules.textFields().size();
        long perCheckpoint = perEntity * timeline.entityCount();
        return (int) Math.max(minInterval, perCheckpoint / MemoryBudget.CHECKPOINT_BYTES_PER_EVENT);
    }

    private StateTable floor(int position) {
        int lo = 0;
        int hi = checkpoints.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (checkpoints.get(mid).position <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return checkpoints.get(lo);
    }

    private StateTable newTable() {
        return new StateTable(rules.decimalFields().size(), rules.textFields().size(), 16);
    }
}
