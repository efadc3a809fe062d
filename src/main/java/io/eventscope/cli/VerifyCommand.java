package io.eventscope.cli;

import io.eventscope.audit.FlagReport;
import io.eventscope.event.DecimalText;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Flag;
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
        description = "Report flagged events grouped by reason. Exit code 0 when clean, 3 when there are findings.")
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
        out.println();
        if (report.clean()) {
            out.println("Result: clean, no findings.");
        } else {
            out.printf("Result: %s finding%s. Flagged events are kept in the timeline and skipped by replay.%n",
                    DecimalText.grouped(report.flagged()), report.flagged() == 1 ? "" : "s");
        }
        out.flush();
        return report.clean() ? 0 : FINDINGS;
    }
}
