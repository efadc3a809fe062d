package io.eventscope.audit.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventscope.audit.AuditReport;
import io.eventscope.audit.Cut;
import io.eventscope.load.LoadedSource;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ReplayState;
import io.eventscope.replay.StateJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an evidence pack for one cut of a source, loaded or streamed ({@link PackSource}): events.jsonl
 * ({@link PackEvents}: written and hashed into the Merkle root as the events pass), state.json, citations.json, manifest.json signed into signature.json,
 * report.html and verify.py. Everything but "created" and the signature is a function of the source,
 * the projection and the cut, so two exports of the same cut are byte-identical apart from those.
 */
public final class PackWriter {
    /** Each citation keeps its proof's subtrees open during the pass; beyond this, the whole pack is the answer. */
    static final int MAX_CITATIONS = 1000;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PackSource loaded;
    private final String projectionText;
    private final SigningKey key;
    private final String tool;
    private final Clock clock;
    private Masks masks = Masks.none();

    /** What an export made: where, how many events, the root, and the signing key's fingerprint. */
    public record Result(Path dir, int events, String merkleRoot, String fingerprint, boolean keyCreated) {
    }

    /** @param projectionText the projection spec exactly as read (recorded in the manifest and replayed by verify-pack) */
    public PackWriter(LoadedSource loaded, String projectionText, SigningKey key, String tool, Clock clock) {
        this(PackSource.of(loaded), projectionText, key, tool, clock);
    }

    /** A pack of a loaded or a streamed source ({@link PackSource}). */
    public PackWriter(PackSource source, String projectionText, SigningKey key, String tool, Clock clock) {
        this.loaded = source;
        this.projectionText = projectionText;
        this.key = key;
        this.tool = tool;
        this.clock = clock;
    }

    /** Masked values are written as {@code masks} shows them (hashes, or revealed), and the manifest says which. */
    public PackWriter masked(Masks masks) {
        this.masks = masks;
        return this;
    }

    /** @throws IllegalArgumentException with one sentence when more positions are cited than a pack proves */
    static void checkCount(List<Integer> cited) {
        if (cited.size() > MAX_CITATIONS) {
            throw new IllegalArgumentException("At most " + MAX_CITATIONS + " positions can be cited (" + cited.size()
                    + " given); cite fewer, or hand over the whole pack.");
        }
    }

    /**
     * Writes the pack for {@code cut} into {@code dir} (created if needed; it must be empty). Should it
     * fail, the folder is left as it was.
     *
     * @param cited positions to cite with inclusion proofs, each within the cut
     */
    public Result write(Path dir, Cut cut, List<Integer> cited) throws IOException {
        checkCount(cited);
        for (int p : cited) {
            if (p < 1 || p > cut.position()) {
                throw new IllegalArgumentException("Position " + p + " cannot be cited: the cut holds positions 1.."
                        + cut.position() + ".");
            }
        }
        try (PackEvents events = loaded.events.written(dir, cited, masks, cut)) {
            Result r = writeTheRest(events, cut, cited);
            events.keep();
            return r;
        }
    }

    /** Everything but events.jsonl, which {@code events} has written and hashed. */
    private Result writeTheRest(PackEvents events, Cut cut, List<Integer> cited) throws IOException {
        Path dir = events.dir();
        ReplayState state = loaded.state(cut);
        byte[] stateJson = (StateJson.of(loaded.sourceName, state, masks) + "\n").getBytes(StandardCharsets.UTF_8);
        BusiestSeries chart = events.chart(state, cut.position());
        String root = HexFormat.of().formatHex(events.root());

        Files.write(dir.resolve("state.json"), stateJson);
        List<Integer> leaves = cited.stream().distinct().sorted().toList();
        byte[] citations = leaves.isEmpty() ? null : citations(root, cut.position(), leaves, events);
        if (citations != null) {
            Files.write(dir.resolve("citations.json"), citations);
        }
        AuditReport audit = loaded.audit;
        Manifest manifest = new Manifest(loaded, audit, cut, state, projectionText, tool, root,
                sha256(stateJson), citations == null ? null : sha256(citations), key, masks);
        byte[] manifestBytes = manifest.json(clock.instant());
        Files.write(dir.resolve("manifest.json"), manifestBytes);
        Files.write(dir.resolve("signature.json"), signature(manifestBytes));
        Files.writeString(dir.resolve("report.html"),
                new ReportHtml(manifest, audit, state, chart, masks).render(), StandardCharsets.UTF_8);
        copyVerifier(dir.resolve("verify.py"));
        return new Result(dir, cut.position(), root, key.fingerprint(), key.created());
    }

    private byte[] citations(String root, int size, List<Integer> positions, PackEvents events) throws IOException {
        List<Object> out = new ArrayList<>();
        for (int p : positions) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("position", (long) p);
            c.put("leafIndex", p - 1L);
            c.put("treeSize", size);
            c.put("line", events.citedLine(p));
            c.put("inclusionProof", events.proof(p).stream().map(HexFormat.of()::formatHex).toList());
            out.add(c);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("merkleRoot", root);
        doc.put("treeSize", size);
        doc.put("citations", out);
        return (JSON.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] signature(byte[] manifest) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("signs", "manifest.json");
        doc.put("algorithm", "Ed25519");
        doc.put("publicKey", key.publicKeyBase64());
        doc.put("fingerprint", key.fingerprint());
        doc.put("signature", key.sign(manifest));
        return (JSON.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] data) {
        return HexFormat.of().formatHex(MerkleTree.sha256().digest(data));
    }

    private static void copyVerifier(Path to) throws IOException {
        try (InputStream in = PackWriter.class.getResourceAsStream("verify.py")) {
            if (in == null) {
                throw new IllegalStateException("verify.py is missing from the build");
            }
            Files.copy(in, to);
        }
    }
}
