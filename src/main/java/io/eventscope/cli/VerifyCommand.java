package io.eventscope.cli;

import io.eventscope.audit.AuditReport;
import io.eventscope.audit.StreamingAudit;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.Masks;
import io.eventscope.replay.RunningFold;
import io.eventscope.replay.Violation;
import java.util.ArrayList;
import java.util.List;
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
        Masks[] shown = new Masks[1];
        AuditReport report = streamedReport(shown);
        Masks masks = shown[0];
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(AuditJson.of(report, masks));
        } else {
            new AuditText(out, details, masks).print(report);
        }
        out.flush();
        return report.clean() ? 0 : FINDINGS;
    }

    /**
     * The audit of the source read as a stream: flags counted and the replay's fold run (for invariant
     * violations) burst by burst, so memory grows with entities and findings, not events. The text keeps
     * {@code --details} findings whole per reason; JSON lists every finding whole.
     */
    private AuditReport streamedReport(Masks[] shown) {
        StreamingAudit[] audit = new StreamingAudit[1];
        List<Violation> violations = new ArrayList<>();
        StreamingLoad.Streamed streamed = source.streamWithoutPayloads((timeline, projection) -> {
            shown[0] = source.masks(projection, format == Format.json ? Masks.Mode.HASH : Masks.Mode.SHOW);
            audit[0] = new StreamingAudit(format == Format.json ? Integer.MAX_VALUE : details, projection.clockSkew());
            return audit[0];
        }, (timeline, projection) -> {
            RunningFold fold = RunningFold.toEnd(timeline, projection)
                    .violations(v -> violations.add(shown[0].violation(v)));
            return t -> fold.foldHeld();
        });
        return audit[0].report(streamed.sourceName(), streamed.completeness(), violations);
    }
}
