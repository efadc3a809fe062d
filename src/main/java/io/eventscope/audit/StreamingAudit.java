package io.eventscope.audit;

import io.eventscope.event.Timeline;
import io.eventscope.replay.Violation;
import io.eventscope.source.Completeness;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit of a source read as a stream: flags, clocks and where gaps end are gathered burst by burst
 * (the same findings {@link AuditReport#of(io.eventscope.load.LoadedSource)} gives on a whole timeline), so
 * memory grows with findings, not events. Invariant violations come from the replay's fold.
 */
public final class StreamingAudit implements Consumer<Timeline> {
    private final FlagReport.Streaming flags;
    private final ClockFindings.Streaming clocks;
    private final GapPositions gaps = new GapPositions();

    /** @param details how many findings per reason to keep whole (the rest as positions) */
    public StreamingAudit(int details, Duration clockSkew) {
        this.flags = new FlagReport.Streaming(details);
        this.clocks = new ClockFindings.Streaming(clockSkew);
    }

    @Override
    public void accept(Timeline timeline) {
        flags.accept(timeline);
        clocks.accept(timeline);
        gaps.accept(timeline);
    }

    public AuditReport report(String sourceName, Completeness completeness, List<Violation> violations) {
        return AuditReport.of(sourceName, flags.report(), completeness, violations, clocks.findings(),
                gaps.first(completeness));
    }
}
