package io.eventscope.audit.evidence;

import io.eventscope.audit.AuditReport;
import io.eventscope.event.DecimalText;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ReplayState;
import java.util.List;
import java.util.Map;

/**
 * A pack's report.html: one self-contained page (inline style and chart, no script, nothing fetched) with
 * the cut, the state table, completeness and findings, a chart of the busiest entities, the root and the
 * signer's fingerprint, and how to re-verify. It holds nothing that differs between two exports of a cut.
 */
final class ReportHtml {
    static final int MAX_ROWS = 1000;
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:2rem auto;max-width:1100px;padding:0 1rem}
            h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
            .sub{color:#57606a}table{border-collapse:collapse;width:100%}th,td{padding:.3rem .6rem;border-bottom:1px solid #eaeef2;text-align:left}
            th{background:#f6f8fa;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;word-break:break-all}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}dt{color:#57606a}dd{margin:0}
            .ok{color:#1a7f37;font-weight:600}.warn{color:#9a6700;font-weight:600}pre{background:#f6f8fa;padding:.75rem;overflow:auto}
            """;

    private final Manifest manifest;
    private final AuditReport audit;
    private final ReplayState state;
    private final BusiestSeries chart;
    private final StringBuilder out = new StringBuilder(16_384);

    private final Masks masks;

    ReportHtml(Manifest manifest, AuditReport audit, ReplayState state, BusiestSeries chart, Masks masks) {
        this.manifest = manifest;
        this.masks = masks;
        this.audit = audit;
        this.state = state;
        this.chart = chart;
    }

    String render() {
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\"><title>Evidence: ")
                .append(esc(manifest.source)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        out.append("<h1>Evidence pack: ").append(esc(manifest.source)).append("</h1>\n<p class=\"sub\">State after position ")
                .append(DecimalText.grouped(manifest.cut.position())).append(" of ")
                .append(DecimalText.grouped(manifest.positionsLoaded)).append(" loaded");
        if (manifest.cut.at() != null) {
            out.append(", every event at or before ").append(esc(manifest.cut.at().toString()));
        } else if (manifest.cutTime != null) {
            out.append(" (").append(esc(manifest.cutTime.toString())).append(')');
        }
        out.append(" · projection ").append(esc(manifest.projectionName)).append(" · ")
                .append(DecimalText.grouped(state.flagged())).append(" flagged events skipped</p>\n");
        integrity();
        findings();
        chartSection();
        stateTable();
        howToVerify();
        out.append("</body></html>\n");
        return out.toString();
    }

    private void integrity() {
        out.append("<h2>Integrity</h2><dl>")
                .append("<dt>Merkle root of events.jsonl</dt><dd class=\"hash\">").append(manifest.merkleRoot).append("</dd>")
                .append("<dt>Events in the pack</dt><dd>").append(DecimalText.grouped(manifest.cut.position())).append("</dd>")
                .append("<dt>Projection SHA-256</dt><dd class=\"hash\">").append(manifest.projectionSha256).append("</dd>")
                .append("<dt>Signed by (Ed25519 fingerprint)</dt><dd class=\"hash\">").append(manifest.fingerprint)
                .append("</dd></dl>\n");
    }

    private void stateTable() {
        List<String> fields = state.fieldNames();
        List<EntityState> entities = state.entities();
        out.append("<h2>State at the cut: ").append(DecimalText.grouped(entities.size())).append(" entities</h2>\n<table><tr><th>Entity</th>");
        for (String f : fields) {
            out.append("<th class=\"n\">").append(esc(f)).append("</th>");
        }
        out.append("<th class=\"n\">Events</th><th>Last change</th></tr>\n");
        for (EntityState shown : entities.subList(0, Math.min(MAX_ROWS, entities.size()))) {
            EntityState e = masks.state(shown);
            out.append("<tr><td>").append(esc(e.entity())).append("</td>");
            e.decimals().values().forEach(v -> out.append("<td class=\"n\">").append(DecimalText.grouped(v)).append("</td>"));
            e.texts().values().forEach(t -> out.append("<td class=\"n\">").append(t == null ? "" : esc(t)).append("</td>"));
            out.append("<td class=\"n\">").append(DecimalText.grouped(e.events())).append("</td><td>")
                    .append(e.lastChange() == null ? "" : esc(e.lastChange().toString())).append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (entities.size() > MAX_ROWS) {
            out.append("<p class=\"sub\">The first ").append(MAX_ROWS).append(" entities are shown; state.json holds all ")
                    .append(DecimalText.grouped(entities.size())).append(".</p>\n");
        }
    }

    private void findings() {
        out.append("<h2>Completeness and findings</h2>\n<p>")
                .append(audit.clean() ? "<span class=\"ok\">Clean.</span> " : "<span class=\"warn\">Findings.</span> ")
                .append(esc(audit.verdict())).append(" <span class=\"sub\">(")
                .append(esc("the source as loaded, positions 1.." + DecimalText.grouped(manifest.positionsLoaded)))
                .append(")</span></p>\n");
        List<Map<String, Object>> groups = manifest.findingGroups();
        if (!groups.isEmpty()) {
            out.append("<table><tr><th>Kind</th><th>Finding</th><th class=\"n\">Count</th><th class=\"n\">First position</th></tr>\n");
            for (Map<String, Object> g : groups) {
                long first = ((Number) g.get("firstPosition")).longValue();
                out.append("<tr><td>").append(esc(String.valueOf(g.get("kind")))).append("</td><td>")
                        .append(esc(String.valueOf(g.get("label")))).append("</td><td class=\"n\">")
                        .append(DecimalText.grouped(((Number) g.get("count")).longValue())).append("</td><td class=\"n\">")
                        .append(first > 0 ? DecimalText.grouped(first) : "").append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> streams = (List<Map<String, Object>>) manifest.completeness().get("streams");
        for (Map<String, Object> s : streams) {
            out.append("<p>Stream <code>").append(esc(String.valueOf(s.get("stream")))).append("</code>: sequences ")
                    .append(s.get("firstSequence")).append("..").append(s.get("lastSequence")).append(", ")
                    .append(s.get("delivered")).append(" delivered, ")
                    .append(((List<?>) s.get("gaps")).size()).append(" gap(s).</p>\n");
        }
    }

    private void chartSection() {
        if (chart.series().isEmpty() || state.fieldNames().isEmpty()) {
            return;
        }
        out.append("<h2>").append(esc(io.eventscope.replay.ChangeText.label(state.fieldNames().get(0))))
                .append(" of the busiest entities over positions</h2>\n");
        out.append(new ReportChart(chart, manifest.cut.position(), masks).svg());
    }

    private void howToVerify() {
        out.append("<h2>How to re-verify this pack</h2>\n<p>With Eventscope (checks the root, every citation, the ")
                .append("signature, and that replaying events.jsonl under the recorded projection gives state.json):</p>")
                .append("<pre>eventscope verify-pack THIS-FOLDER\neventscope verify-pack THIS-FOLDER --source SOURCE   ")
                .append("# also: the source still holds these events</pre>")
                .append("<p>Without Eventscope (Python 3, standard library only; recomputes the root, the state hash and ")
                .append("the citations' proofs):</p><pre>python3 verify.py THIS-FOLDER</pre>")
                .append("<p>Compare the signer fingerprint above with the one the exporter gave you out of band.</p>\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
