package io.eventscope.cli;

import io.eventscope.audit.AuditReport;
import io.eventscope.audit.ClockFindings;
import io.eventscope.audit.FlagReport;
import io.eventscope.event.DecimalText;
import io.eventscope.event.FlagKind;
import io.eventscope.replay.Masks;
import io.eventscope.replay.Violation;
import io.eventscope.source.Completeness;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code verify}'s text: an {@link AuditReport} rendered with up to {@code details} lines per group. The
 * counts and the verdict come from the report; this class only lays them out.
 */
final class AuditText {
    private final PrintWriter out;
    private final int details;
    private final Masks masks;

    AuditText(PrintWriter out, int details, Masks masks) {
        this.out = out;
        this.masks = masks;
        this.details = details;
    }

    void print(AuditReport report) {
        FlagReport flags = report.flags();
        out.printf("Verify %s: %s positions, %s flagged.%n", report.sourceName(),
                DecimalText.grouped(flags.positions()), DecimalText.grouped(flags.flagged()));
        for (Map.Entry<FlagKind, List<FlagReport.Finding>> group : flags.byKind().entrySet()) {
            printFlagGroup(group.getKey(), group.getValue());
        }
        printCompleteness(report.completeness());
        report.violations().forEach(this::printViolations);
        printClocks(report.clocks());
        if (report.partial()) {
            out.printf("%nIncomplete: %s%n", report.partialLoad());
        }
        out.println();
        out.println("Result: " + report.verdict());
    }

    private void printFlagGroup(FlagKind kind, List<FlagReport.Finding> findings) {
        out.printf("%n%s: %s event%s%n", kind.label(), DecimalText.grouped(findings.size()),
                findings.size() == 1 ? "" : "s");
        for (FlagReport.Finding f : findings.subList(0, Math.min(details, findings.size()))) {
            String reasons = f.flags().stream().filter(fl -> fl.kind() == kind)
                    .map(masks::detail).collect(Collectors.joining("; "));
            out.printf("  position %s (%s): %s%n", DecimalText.grouped(f.position()),
                    TerminalText.escape(f.coordinates().toString()), TerminalText.escape(reasons));
        }
        if (findings.size() > details) {
            out.printf("  and %d more at positions %s%n", findings.size() - details,
                    findings.subList(details, findings.size()).stream()
                            .map(f -> Integer.toString(f.position())).collect(Collectors.joining(", ")));
        }
    }

    /** One invariant's violations: the first few with the values the check read, then the other positions. */
    private void printViolations(String invariant, List<Violation> violations) {
        out.printf("%nInvariant %s: %s violation%s%n", invariant, DecimalText.grouped(violations.size()),
                violations.size() == 1 ? "" : "s");
        for (Violation v : violations.subList(0, Math.min(details, violations.size()))) {
            out.printf("  position %s (%s): %s%n", DecimalText.grouped(v.position()), TerminalText.escape(v.entity()),
                    TerminalText.escape(v.values().entrySet().stream().map(e -> e.getKey() + " = "
                            + (e.getValue().isEmpty() ? "(none)" : e.getValue())).collect(Collectors.joining(", "))));
        }
        if (violations.size() > details) {
            out.printf("  and %d more at positions %s%n", violations.size() - details,
                    violations.subList(details, violations.size()).stream()
                            .map(v -> Integer.toString(v.position())).collect(Collectors.joining(", ")));
        }
    }

    /** Events whose clocks disagree or go backwards: their count, then their positions. */
    private void printClocks(ClockFindings clocks) {
        printPositions("Event time and broker time more than " + clocks.threshold() + " apart", clocks.skewed());
        printPositions("Event time earlier than the event before", clocks.backwards());
    }

    private void printPositions(String title, int[] positions) {
        if (positions.length == 0) {
            return;
        }
        out.printf("%n%s: %s event%s%n", title, DecimalText.grouped(positions.length), positions.length == 1 ? "" : "s");
        out.printf("  at position%s %s%s%n", positions.length == 1 ? "" : "s",
                java.util.Arrays.stream(positions).limit(details).mapToObj(DecimalText::grouped)
                        .collect(Collectors.joining(", ")),
                positions.length > details ? " and " + (positions.length - details) + " more" : "");
    }

    /** Stations and streams only: files have no sequences. */
    private void printCompleteness(Completeness completeness) {
        if (completeness.streams().isEmpty()) {
            return;
        }
        out.printf("%nCompleteness: %s missing sequence%s%n", DecimalText.grouped(completeness.missing()),
                completeness.missing() == 1 ? "" : "s");
        for (Completeness.StreamExtent s : completeness.streams()) {
            out.printf("  stream %s: first sequence %s, last sequence %s, %s delivered%s%n", s.stream(),
                    DecimalText.grouped(s.firstSequence()), DecimalText.grouped(s.lastSequence()),
                    DecimalText.grouped(s.delivered()),
                    s.requestedFrom() > 1 ? " from sequence " + DecimalText.grouped(s.requestedFrom()) : "");
            int shown = 0;
            for (Completeness.Gap g : s.gaps()) {
                if (shown++ < details) {
                    out.printf("    gap: sequence%s %s%s (%s): %s%n", g.count() == 1 ? "" : "s",
                            DecimalText.grouped(g.from()), g.count() == 1 ? "" : ".." + DecimalText.grouped(g.to()),
                            DecimalText.grouped(g.count()) + " missing", g.reason());
                }
            }
            if (s.gaps().size() > details) {
                out.printf("    and %d more gaps%n", s.gaps().size() - details);
            }
        }
        for (String caveat : completeness.caveats()) {
            out.printf("  caveat: %s%n", caveat);
        }
        if (completeness.deadLetterResends() > 0 || completeness.duplicateMessageIds() > 0) {
            out.printf("  dead-letter resends: %s, repeated message ids: %s (flagged above, not counted)%n",
                    DecimalText.grouped(completeness.deadLetterResends()),
                    DecimalText.grouped(completeness.duplicateMessageIds()));
        }
    }
}
