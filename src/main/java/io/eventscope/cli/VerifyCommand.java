package io.eventscope.cli;

import io.eventscope.audit.AuditReport;
import io.eventscope.load.LoadedSource;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ReplayEngine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verify SOURCE}: flagged events grouped by reason; exit 0 when clean, 3 with findings. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Report flagged events grouped by reason, invariant violations and, for stations and streams, "
                + "missing sequences. "
                + "Exit code 0 when clean, 3 when there are findings.")
public final class VerifyCommand implements Callable<Integer> {
    /** Exit code when the report has findings. */
    public static final int FINDINGS = 3;

    @Mixin
    SourceOptions source;

    @Option(names = "--details", defaultValue = "20", paramLabel = "N",
            description = "Detail lines per reason before the rest are listed by position (default 20).")
    int details;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedSource loaded = source.load();
        Masks masks = source.masks(loaded.spec(), format == Format.json ? Masks.Mode.HASH : Masks.Mode.SHOW);
        AuditReport report = AuditReport.of(loaded, new ReplayEngine(loaded.timeline(), loaded.spec()).violations()
                .stream().map(masks::violation).toList());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(AuditJson.of(report, masks));
        } else {
            new AuditText(out, details, masks).print(report);
        }
        out.flush();
        return report.clean() ? 0 : FINDINGS;
    }
}
