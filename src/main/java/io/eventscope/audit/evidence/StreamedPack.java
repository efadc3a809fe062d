package io.eventscope.audit.evidence;

import io.eventscope.audit.Cut;
import io.eventscope.audit.StreamingAudit;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayState;
import io.eventscope.replay.RunningFold;
import io.eventscope.replay.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An evidence pack made in one streamed read, as {@code export} makes it: hand {@link #readers()} to the read
 * (beside a fold to the cut), then {@link #write} the pack from what they gathered. The audit, the invariant
 * checks over every event and events.jsonl (written and hashed as the lines pass) come from the same read.
 * Close it in every case: a pack not written leaves its folder as it was.
 */
public final class StreamedPack implements AutoCloseable {
    private final PackEvents events;
    private final Path dir;
    private final List<Integer> cited;
    private final Masks masks;
    private final List<Violation> violations = new ArrayList<>();
    private StreamingAudit audit;

    private StreamedPack(PackEvents events, Path dir, List<Integer> cited, Masks masks) {
        this.events = events;
        this.dir = dir;
        this.cited = cited;
        this.masks = masks;
    }

    /**
     * A pack for {@code dir} (empty or new) citing {@code cited}, values shown as {@code masks} shows them, up to
     * {@code position} or {@code at} (both null: the end).
     */
    public static StreamedPack upTo(Path dir, List<Integer> cited, Masks masks, Long position, Instant at)
            throws IOException {
        return new StreamedPack(PackEvents.upTo(dir, cited, masks, position, at), dir, cited, masks);
    }

    /** The readers the streamed read must be given, besides its fold to the cut. */
    public StreamingLoad.BurstReader[] readers() {
        return new StreamingLoad.BurstReader[] {(timeline, spec) -> {
            audit = new StreamingAudit(0, spec.clockSkew()); // a pack records counts and first positions only
            return audit;
        }, (timeline, spec) -> RunningFold.toEnd(timeline, spec).violations(violations::add), events};
    }

    /** Writes and signs the pack once the read is over; {@code state} is the fold's at {@code cut}. */
    public PackWriter.Result write(StreamingLoad.Streamed read, ProjectionSpec spec, Cut cut, ReplayState state,
                                   String projectionText, SigningKey key, String tool, Clock clock) throws IOException {
        PackSource pack = PackSource.streamed(read, spec,
                audit.report(read.sourceName(), read.completeness(), violations), cut, state, events);
        return new PackWriter(pack, projectionText, key, tool, clock).masked(masks).write(dir, cut, cited);
    }

    @Override
    public void close() throws IOException {
        events.close();
    }
}
