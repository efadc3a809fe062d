package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.audit.AuditReport;
import io.eventscope.audit.FlagReport;
import io.eventscope.event.Flag;
import io.eventscope.replay.Masks;
import io.eventscope.replay.Violation;
import io.eventscope.source.Completeness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code verify --format json}: {@code {"source", "positions", "flagged", "complete", "findings": […]}}, one
 * finding per flagged event ("flag", or "duplicate" for a resend or a repeated message or event id), per sequence
 * gap ("gap") and per invariant violation ("invariant"); flagged events in position order, then gaps,
 * then violations in position order. Counts and verdict come from the {@link AuditReport}.
 */
final class AuditJson {
    private AuditJson() {
    }

    static String of(AuditReport report, Masks masks) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", report.sourceName());
        root.put("positions", report.flags().positions());
        root.put("flagged", report.flags().flagged());
        root.put("complete", report.complete());
        List<Object> findings = new ArrayList<>();
        flagged(report.flags()).values().forEach(f -> findings.add(flag(f, masks)));
        for (Completeness.StreamExtent s : report.completeness().streams()) {
            for (Completeness.Gap g : s.gaps()) {
                Map<String, Object> gap = new LinkedHashMap<>();
                gap.put("kind", "gap");
                gap.put("stream", s.stream());
                gap.put("from", g.from());
                gap.put("to", g.to());
                gap.put("missing", g.count());
                gap.put("reason", g.reason());
                findings.add(gap);
            }
        }
        report.violations().values().stream().flatMap(List::stream)
                .sorted(java.util.Comparator.comparingInt(Violation::position))
                .forEach(v -> findings.add(violation(v)));
        clock(findings, "clockSkew", report.clocks().skewed());
        clock(findings, "timeBackwards", report.clocks().backwards());
        if (report.partial()) {
            root.put("incomplete", report.partialLoad());
        }
        root.put("findings", findings);
        root.put("verdict", report.verdict());
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each flagged event once, in position order (an event with two reasons is in two groups of the report). */
    private static void clock(List<Object> findings, String kind, int[] positions) {
        for (int p : positions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind);
            m.put("position", p);
            findings.add(m);
        }
    }

    private static Map<Integer, FlagReport.Finding> flagged(FlagReport flags) {
        Map<Integer, FlagReport.Finding> out = new TreeMap<>();
        flags.byKind().values().forEach(list -> list.forEach(f -> out.putIfAbsent(f.position(), f)));
        return out;
    }

    private static Map<String, Object> flag(FlagReport.Finding f, Masks masks) {
        boolean duplicate = f.flags().stream().anyMatch(fl -> fl.kind().isRepeat());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", duplicate ? "duplicate" : "flag");
        out.put("position", f.position());
        out.put("coordinates", f.coordinates());
        List<Object> reasons = new ArrayList<>();
        for (Flag fl : f.flags()) {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("reason", fl.kind().name());
            reason.put("detail", masks.detail(fl));
            reasons.add(reason);
        }
        out.put("reasons", reasons);
        return out;
    }

    private static Map<String, Object> violation(Violation v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "invariant");
        out.put("position", v.position());
        out.put("entity", v.entity());
        out.put("invariant", v.invariant());
        out.put("values", v.values());
        return out;
    }
}
