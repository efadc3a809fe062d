package io.eventscope.cli;

import io.eventscope.audit.Cut;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayState;
import io.eventscope.replay.RunningFold;
import java.util.ArrayList;
import java.util.List;

/**
 * The source read as a stream and folded by the replay's rules ({@link RunningFold}) to the cut a command
 * asked for ({@code --position}, {@code --at}, else the end), with any other burst readers alongside: what
 * state, explain, reconcile and export answer from, in memory bounded by entities, not events.
 *
 * @param spec  the projection the source was read under
 * @param cut   the cut resolved as {@link Cut#resolve} resolves it on a whole timeline
 * @param state every entity's state at the cut
 */
record StreamedCut(StreamingLoad.Streamed streamed, ProjectionSpec spec, Cut cut, ReplayState state) {

    /**
     * @throws UserError with one sentence when the position is outside the source (known only once read)
     */
    static StreamedCut read(SourceOptions source, StateCommand.Moment moment, boolean payloadsRead,
                            StreamingLoad.BurstReader... more) {
        Long asked = moment == null ? null : moment.position;
        java.time.Instant at = moment == null ? null : moment.at;
        int cap = asked == null ? -1 : (int) Math.max(0, Math.min(asked, Integer.MAX_VALUE));
        RunningFold[] fold = new RunningFold[1];
        ProjectionSpec[] read = new ProjectionSpec[1];
        List<StreamingLoad.BurstReader> readers = new ArrayList<>();
        readers.add((timeline, projection) -> {
            read[0] = projection;
            fold[0] = at != null ? RunningFold.atTime(timeline, projection, at)
                    : cap >= 0 ? RunningFold.toPosition(timeline, projection, cap)
                    : RunningFold.toEnd(timeline, projection);
            return fold[0];
        });
        readers.addAll(List.of(more));
        StreamingLoad.BurstReader[] all = readers.toArray(StreamingLoad.BurstReader[]::new);
        StreamingLoad.Streamed streamed = payloadsRead ? source.stream(all) : source.streamWithoutPayloads(all);
        if (asked != null && at == null) {
            try {
                Cut.checkPosition(asked, streamed.positions(), streamed.sourceName());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        ReplayState state = fold[0].state();
        return new StreamedCut(streamed, read[0], new Cut(state.position(), at), state);
    }
}
