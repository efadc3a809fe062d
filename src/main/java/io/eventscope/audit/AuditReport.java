package io.eventscope.audit;

import io.eventscope.event.DecimalText;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.Violation;
import io.eventscope.source.Completeness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an audit of one loaded source found, and the verdict: flagged events by reason, what the
 * load got of each stream (gaps, resends, repeated ids), whether the load stopped early, and the events
 * that broke the projection's invariants. {@code verify}
 * prints it and the viewer shows it; both read the same counts and sentences from here.
 */
public final class AuditReport {
    private final String sourceName;
    private final FlagReport flags;
    private final Completeness completeness;
    private final String partialLoad;
    private final long gaps;
    private final Map<String, List<Violation>> violations = new LinkedHashMap<>();
    private final int violationCount;
    private final ClockFindings clocks;
    private final int firstGap;
    private int stoppedAt; // the last position a load stopped at the budget read; 0 when unknown
    private List<FindingGroup> limits = List.of(); // the load's shape (LoadLimits): shown, not counted

    private AuditReport(String sourceName, FlagReport flags, Completeness completeness, String partialLoad,
                        List<Violation> violations, ClockFindings clocks, int firstGap) {
        this.sourceName = sourceName;
        this.clocks = clocks;
        this.firstGap = firstGap;
        for (Violation v : violations) {
            this.violations.computeIfAbsent(v.invariant(), k -> new ArrayList<>()).add(v);
        }
        this.violationCount = violations.size();
        this.flags = flags;
        this.completeness = completeness;
        this.partialLoad = partialLoad;
        this.gaps = completeness.streams().stream().mapToLong(s -> s.gaps().size()).sum();
    }

    /** Audits what {@code loaded} holds now (a live tail may add events later; audit again then). */
    public static AuditReport of(LoadedSource loaded) {
        return of(loaded, new ReplayEngine(loaded.timeline(), loaded.spec()).violations());
    }

    /** The same, with the invariant violations an engine already folded ({@link ReplayEngine#violations()}). */
    public static AuditReport of(LoadedSource loaded, List<Violation> violations) {
        Timeline t = loaded.timeline();
        AuditReport report = new AuditReport(loaded.sourceName(), FlagReport.of(t), loaded.completeness(),
                loaded.stoppedEarly(), violations, ClockFindings.of(t, loaded.spec().clockSkew()),
                GapPositions.first(t, loaded.completeness()));
        report.stoppedAt = loaded.partial() ? t.size() : 0;
        report.limits = LoadLimits.of(t, loaded.completeness(), loaded.cancelled() && !loaded.partial());
        return report;
    }

    /** A streamed source's report ({@link StreamingAudit}): gathered burst by burst; it was read to its end. */
    static AuditReport of(String sourceName, FlagReport flags, Completeness completeness, List<Violation> violations,
                          ClockFindings clocks, int firstGap) {
        return new AuditReport(sourceName, flags, completeness, null, violations, clocks, firstGap);
    }

    /** @param partialLoad the sentence saying the load stopped early, or null when it read to the end */
    public static AuditReport of(String sourceName, Timeline timeline, Completeness completeness, String partialLoad) {
        return new AuditReport(sourceName, FlagReport.of(timeline), completeness, partialLoad, List.of(),
                ClockFindings.none(), GapPositions.first(timeline, completeness));
    }

    /** Invariant violations by invariant name (in the order first broken), each in position order. */
    public Map<String, List<Violation>> violations() {
        return violations;
    }

    /** Events whose two clocks disagree, and event times that go backwards. */
    public ClockFindings clocks() {
        return clocks;
    }

    public int violationCount() {
        return violationCount;
    }

    /** True when no stream has a gap and the load read to the end. */
    public boolean complete() {
        return gaps == 0 && !partial();
    }

    public String sourceName() {
        return sourceName;
    }

    public FlagReport flags() {
        return flags;
    }

    public Completeness completeness() {
        return completeness;
    }

    /** Gaps in the stream sequences, over all streams; each counts as one finding. */
    public long gaps() {
        return gaps;
    }

    public boolean partial() {
        return partialLoad != null;
    }

    /** Why the load stopped early, or null. */
    public String partialLoad() {
        return partialLoad;
    }

    /**
     * Findings as counted by the verdict: each flagged event once (whatever its reasons), each gap, and
     * a partial load, each caveat about the source. Resends and repeated ids are flagged events, so they
     * are not counted again.
     */
    public long findingCount() {
        return flags.flagged() + gaps + (partial() ? 1 : 0) + violationCount + completeness.caveats().size()
                + clocks.skewedCount() + clocks.backwardsCount();
    }

    public boolean clean() {
        return findingCount() == 0;
    }

    /**
     * Every group of findings, flagged reasons first (in reason order), then gaps, then a partial load, …;
     * last the load's shape (retention horizon, a window, a cancelled load), which the verdict does not count.
     */
    public List<FindingGroup> groups() {
        List<FindingGroup> groups = new ArrayList<>();
        for (Map.Entry<FlagKind, List<FlagReport.Finding>> e : flags.byKind().entrySet()) {
            List<FlagReport.Finding> events = e.getValue();
            groups.add(new FindingGroup(FindingKind.FLAGGED_EVENT, e.getKey().label(), events.size(),
                    events.get(0).position()));
        }
        if (gaps > 0) {
            groups.add(new FindingGroup(FindingKind.SEQUENCE_GAP, "gaps in the stream sequences", gaps, firstGap));
        }
        if (partial()) {
            groups.add(new FindingGroup(FindingKind.PARTIAL_LOAD, "not read to its end (memory budget)", 1, stoppedAt));
        }
        violations.forEach((name, list) -> groups.add(new FindingGroup(FindingKind.INVARIANT_VIOLATION,
                "invariant " + name + " broken", list.size(), list.get(0).position())));
        for (String caveat : completeness.caveats()) {
            groups.add(new FindingGroup(FindingKind.SOURCE_CAVEAT, caveat, 1, 0));
        }
        if (clocks.skewedCount() > 0) {
            groups.add(new FindingGroup(FindingKind.CLOCK_SKEW, ClockFindings.skewLabel(clocks.threshold()),
                    clocks.skewedCount(), clocks.skewed()[0]));
        }
        if (clocks.backwardsCount() > 0) {
            groups.add(new FindingGroup(FindingKind.TIME_BACKWARDS, ClockFindings.BACKWARDS_LABEL,
                    clocks.backwardsCount(), clocks.backwards()[0]));
        }
        groups.addAll(limits);
        return groups;
    }

    /** One line for a status bar: "57 flagged · 2 gaps · partial load", or "clean". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (flags.flagged() > 0) {
            parts.add(DecimalText.grouped(flags.flagged()) + " flagged");
        }
        if (gaps > 0) {
            parts.add(DecimalText.grouped(gaps) + (gaps == 1 ? " gap" : " gaps"));
        }
        if (partial()) {
            parts.add("partial load");
        }
        if (violationCount > 0) {
            parts.add(DecimalText.grouped(violationCount) + (violationCount == 1 ? " violation" : " violations"));
        }
        if (clocks.skewedCount() > 0) {
            parts.add(DecimalText.grouped(clocks.skewedCount()) + " skewed clocks");
        }
        if (clocks.backwardsCount() > 0) {
            parts.add(DecimalText.grouped(clocks.backwardsCount()) + " times backwards");
        }
        if (!completeness.caveats().isEmpty()) {
            parts.add(completeness.caveats().size() == 1 ? "1 caveat" : completeness.caveats().size() + " caveats");
        }
        return parts.isEmpty() ? "clean" : String.join(" · ", parts);
    }

    /** The verdict in one sentence: what was found and what it means, e.g. "clean, no findings.". */
    public String verdict() {
        long findings = findingCount();
        if (findings == 0) {
            return "clean, no findings.";
        }
        StringBuilder out = new StringBuilder();
        out.append(DecimalText.grouped(findings)).append(findings == 1 ? " finding" : " findings");
        if (flags.flagged() > 0) {
            out.append(". Flagged events are kept in the timeline and skipped by replay");
        }
        if (gaps > 0) {
            out.append(". ").append(DecimalText.grouped(gaps)).append(gaps == 1 ? " gap" : " gaps")
                    .append(" in the stream sequences: the broker no longer holds those messages");
        }
        if (partial()) {
            out.append(". The source was not read to its end (memory budget)");
        }
        if (violationCount > 0) {
            out.append(". ").append(DecimalText.grouped(violationCount))
                    .append(violationCount == 1 ? " invariant violation" : " invariant violations")
                    .append(": the history breaks a rule the projection says must hold");
        }
        if (clocks.skewedCount() > 0) {
            out.append(". ").append(DecimalText.grouped(clocks.skewedCount()))
                    .append(clocks.skewedCount() == 1 ? " event's" : " events'")
                    .append(" event time and broker time disagree by more than ").append(clocks.threshold());
        }
        if (clocks.backwardsCount() > 0) {
            out.append(". ").append(DecimalText.grouped(clocks.backwardsCount()))
                    .append(clocks.backwardsCount() == 1 ? " event time goes" : " event times go")
                    .append(" backwards: ordering by event time differs from the source's order");
        }
        for (String caveat : completeness.caveats()) {
            out.append(". The ").append(caveat.startsWith("topic ") ? caveat : "source: " + caveat);
        }
        return out.append('.').toString();
    }
}
