package io.eventscope.audit;

import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.ReplayState;
import java.time.Instant;

/**
 * Where an answer is cut: after position {@code position}, or (when {@code at} is set) every event whose
 * time is at or before {@code at}, which ends at {@code position}, the last event it takes in.
 */
public record Cut(int position, Instant at) {

    /**
     * The cut a command asked for: {@code --at} wins, else {@code --position}, else the end.
     *
     * @throws IllegalArgumentException with one sentence when the position is outside the timeline
     */
    public static Cut resolve(ReplayEngine engine, Long position, Instant at) {
        int size = engine.timeline().size();
        if (at != null) {
            return new Cut(engine.stateAtTime(at).position(), at);
        }
        long p = position == null ? size : position;
        checkPosition(p, size, engine.timeline().sourceName());
        return new Cut((int) p, null);
    }

    /**
     * The one wording for a position outside {@code 0..size} (also for streamed answers, which learn the size
     * only at the end).
     *
     * @throws IllegalArgumentException with one sentence when {@code p} is outside
     */
    public static void checkPosition(long p, int size, String sourceName) {
        if (p < 0) {
            throw new IllegalArgumentException("--position must be 0 or more (0 is the state before the first event); "
                    + sourceName + " has " + size + " positions.");
        }
        if (p > size) {
            throw new IllegalArgumentException("Position " + p + " is beyond the end: "
                    + sourceName + " has " + size + " positions (use 0.." + size + ").");
        }
    }

    /** Every entity's state at this cut. */
    public ReplayState state(ReplayEngine engine) {
        return at != null ? engine.stateAtTime(at) : engine.stateAt(position);
    }

    /**
     * Whether the event at 0-based {@code index} (at or before {@link #position()}) is left out: a time
     * cut leaves out events after its time-ordered prefix whose own time is later than {@code at}.
     */
    public boolean leavesOut(ReplayEngine engine, int prefixEnd, int index) {
        return at != null && index >= prefixEnd
                && engine.timeline().effectiveTimeAt(index) > io.eventscope.event.EventTimes.toNanos(at);
    }

    /** The end of the leading run of events all within the cut (every event below it counts). */
    public int prefixEnd(ReplayEngine engine) {
        return at == null ? position : engine.positionAtTime(at);
    }
}
