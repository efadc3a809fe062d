package io.eventscope.cli;

import io.eventscope.audit.FlagReport;
import io.eventscope.event.DecimalText;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Flag;
import io.eventscope.source.Completeness;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verify SOURCE}: flagged events grouped by reason; exit 0 when clean, 3 with findings. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Report flagged events grouped by reason and, for stations and streams, missing sequences. "
                + "Exit code 0 when clean, 3 when there are findings.")
public final class VerifyCommand implements Callable<Integer> {
    /** Exit code when the report has findings. */
    public static final int FINDINGS = 3;

    @Mixin
    SourceOptions source;

    @Option(names = "--details", defaultValue = "20", paramLabel = "N",
            description = "Detail lines per reason before the rest are listed by position (default 20).")
    int details;

    @Spec
    CommandSpec spec;

    /** The completeness section for stations and streams; returns the number of gaps (each a finding). */
    private long printCompleteness(PrintWriter out, Completeness completeness) {
        if (completeness.streams().isEmpty()) {
            return 0;
        }
        long gaps = 0;
        out.printf("%nCompleteness: %s missing sequence%s%n", DecimalText.grouped(completeness.missing()),
                completeness.missing() == 1 ? "" : "s");
        for (Completeness.StreamExtent s : completeness.streams()) {
            out.printf("  stream %s: first sequence %s, last sequence %s, %s delivered%s%n", s.stream(),
                    DecimalText.grouped(s.firstSequence()), DecimalText.grouped(s.lastSequence()),
                    DecimalText.grouped(s.delivered()),
                    s.requestedFrom() > 1 ? " from sequence " + DecimalText.grouped(s.requestedFrom()) : "");
            int shown = 0;
            for (Completeness.Gap g : s.gaps()) {
                gaps++;
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
        if (completeness.deadLetterResends() > 0 || completeness.duplicateMessageIds() > 0) {
            out.printf("  dead-letter resends: %s, repeated message ids: %s (flagged above, not counted)%n",
                    DecimalText.grouped(completeness.deadLetterResends()),
                    DecimalText.grouped(completeness.duplicateMessageIds()));
        }
        return gaps;
    }

    @Override
    public Integer call() {
        LoadedTimeline loaded = source.load();
        FlagReport report = FlagReport.of(loaded.timeline());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Verify %s: %s positions, %s flagged.%n", loaded.sourceName(),
                DecimalText.grouped(report.positions()), DecimalText.grouped(report.flagged()));
        for (Map.Entry<FlagKind, List<FlagReport.Finding>> group : report.byKind().entrySet()) {
            List<FlagReport.Finding> findings = group.getValue();
            out.printf("%n%s: %s event%s%n", group.getKey().label(), DecimalText.grouped(findings.size()),
                    findings.size() == 1 ? "" : "s");
            for (FlagReport.Finding f : findings.subList(0, Math.min(details, findings.size()))) {
                String reasons = f.flags().stream().filter(fl -> fl.kind() == group.getKey())
                        .map(Flag::detail).collect(Collectors.joining("; "));
                out.printf("  position %s (%s): %s%n", DecimalText.grouped(f.position()), f.coordinates(), reasons);
            }
            if (findings.size() > details) {
                out.printf("  and %d more at positions %s%n", findings.size() - details,
                        findings.subList(details, findings.size()).stream()
                                .map(f -> Integer.toString(f.position())).collect(Collectors.joining(", ")));
            }
        }
        long gaps = printCompleteness(out, loaded.completeness());
        if (loaded.partial()) {
            out.printf("%nIncomplete: %s%n", loaded.stoppedEarly());
        }
        out.println();
        long findings = report.flagged() + gaps + (loaded.partial() ? 1 : 0);
        if (findings == 0) {
            out.println("Result: clean, no findings.");
        } else {
            out.printf("Result: %s finding%s", DecimalText.grouped(findings), findings == 1 ? "" : "s");
            if (report.flagged() > 0) {
                out.print(". Flagged events are kept in the timeline and skipped by replay");
            }
            if (gaps > 0) {
                out.printf(". %s gap%s in the stream sequences: the broker no longer holds those messages",
                        DecimalText.grouped(gaps), gaps == 1 ? "" : "s");
            }
            if (loaded.partial()) {
                out.print(". The source was not read to its end (memory budget)");
            }
            out.println(".");
        }
        out.flush();
        return findings == 0 ? 0 : FINDINGS;
    }
}
