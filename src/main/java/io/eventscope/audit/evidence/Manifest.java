package io.eventscope.audit.evidence;

import io.eventscope.audit.AuditReport;
import io.eventscope.audit.Cut;
import io.eventscope.audit.FindingGroup;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ReplayState;
import io.eventscope.source.Completeness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack's manifest.json: the source (its display name, which never holds a password), what the load got
 * of it (stream extents, gaps, findings), the cut, the projection spec as text with its SHA-256, the event
 * count, the Merkle root of events.jsonl, the SHA-256 of state.json (and of citations.json), the signer's
 * public key and the creation time. Also the figures the report shows.
 */
final class Manifest {
    static final String FORMAT = "eventscope-evidence/1";
    static final String TREE = "RFC 6962 Merkle tree hash, SHA-256: leaf i is line i of events.jsonl as UTF-8 without "
            + "its newline, leaf hash SHA-256(0x00 || line), node hash SHA-256(0x01 || left || right)";

    final String source;
    final Cut cut;
    final Instant cutTime;
    final String projectionName;
    final String projectionSha256;
    final String merkleRoot;
    final String fingerprint;
    final int positionsLoaded;
    private final Map<String, Object> body = new LinkedHashMap<>();

    Manifest(PackSource loaded, AuditReport audit, Cut cut, ReplayState state, String projectionText, String tool,
             String merkleRoot, String stateSha256, String citationsSha256, SigningKey key, Masks masks) {
        this.source = loaded.sourceName;
        this.cut = cut;
        this.cutTime = state.time();
        this.projectionName = loaded.spec.name();
        this.projectionSha256 = PackWriter.sha256(projectionText.getBytes(StandardCharsets.UTF_8));
        this.merkleRoot = merkleRoot;
        this.fingerprint = key.fingerprint();
        this.positionsLoaded = loaded.positions;
        body.put("format", FORMAT);
        body.put("tool", tool);
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("name", source);
        src.put("defaultEntity", loaded.defaultEntity);
        src.put("coordinates", loaded.coordinates.name());
        src.put("positionsLoaded", positionsLoaded);
        src.put("partialLoad", loaded.stoppedEarly);
        body.put("source", src);
        body.put("completeness", completeness(loaded.completeness));
        body.put("findings", findings(audit));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("position", cut.position());
        c.put("at", cut.at() == null ? null : cut.at().toString());
        c.put("time", cutTime == null ? null : cutTime.toString());
        body.put("cut", c);
        Map<String, Object> projection = new LinkedHashMap<>();
        projection.put("name", projectionName);
        projection.put("sha256", projectionSha256);
        projection.put("text", projectionText);
        body.put("projection", projection);
        if (!masks.fields().isEmpty()) {
            body.put("masking", masking(masks));
        }
        body.put("eventCount", cut.position());
        body.put("tree", TREE);
        body.put("merkleRoot", merkleRoot);
        body.put("stateSha256", stateSha256);
        body.put("citationsSha256", citationsSha256);
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("algorithm", "Ed25519");
        signer.put("publicKey", key.publicKeyBase64());
        signer.put("fingerprint", fingerprint);
        body.put("signer", signer);
    }

    /** Which values are masked and how, or that the exporter revealed them. */
    private static Map<String, Object> masking(Masks masks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fields", masks.fields());
        m.put("revealed", masks.revealed());
        if (!masks.revealed()) {
            m.put("hash", "sha256: hex SHA-256 of the installation's salt (the bytes of the hex in ~/.eventscope/"
                    + "mask-salt) followed by the value's UTF-8 bytes");
            m.put("saltId", masks.saltId());
        }
        return m;
    }

    /** The manifest's bytes, stamped with {@code created} (the one field two exports of a cut differ in). */
    byte[] json(Instant created) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>(body);
        doc.put("created", created.toString());
        return (PackWriter.JSON.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findingGroups() {
        return (List<Map<String, Object>>) ((Map<String, Object>) body.get("findings")).get("groups");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> completeness() {
        return (Map<String, Object>) body.get("completeness");
    }

    private static Map<String, Object> completeness(Completeness c) {
        List<Object> streams = new ArrayList<>();
        for (Completeness.StreamExtent s : c.streams()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stream", s.stream());
            m.put("firstSequence", s.firstSequence());
            m.put("lastSequence", s.lastSequence());
            m.put("requestedFrom", s.requestedFrom());
            m.put("delivered", s.delivered());
            List<Object> gaps = new ArrayList<>();
            for (Completeness.Gap g : s.gaps()) {
                Map<String, Object> gap = new LinkedHashMap<>();
                gap.put("from", g.from());
                gap.put("to", g.to());
                gap.put("reason", g.reason());
                gaps.add(gap);
            }
            m.put("gaps", gaps);
            streams.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("streams", streams);
        out.put("missing", c.missing());
        out.put("deadLetterResends", c.deadLetterResends());
        out.put("duplicateMessageIds", c.duplicateMessageIds());
        return out;
    }

    /** Every finding group the audit has (so new kinds of finding appear here without a change). */
    static Map<String, Object> findings(AuditReport audit) {
        List<Object> groups = new ArrayList<>();
        for (FindingGroup g : audit.groups()) {
            groups.add(group(g));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scope", "the source as loaded, positions 1.." + audit.flags().positions());
        out.put("summary", audit.summary());
        out.put("verdict", audit.verdict());
        out.put("groups", groups);
        return out;
    }

    static Map<String, Object> group(FindingGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", g.kind().name());
        m.put("label", g.label());
        m.put("count", g.count());
        m.put("firstPosition", g.firstPosition());
        return m;
    }
}
