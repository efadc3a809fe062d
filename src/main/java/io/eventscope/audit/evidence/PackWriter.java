package io.eventscope.audit.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventscope.audit.AuditReport;
import io.eventscope.audit.Cut;
import io.eventscope.load.LoadedSource;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ReplayState;
import io.eventscope.replay.StateJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes an evidence pack for one cut of a loaded source: events.jsonl (streamed, hashed into the Merkle
 * root as it is written), state.json, citations.json, manifest.json signed into signature.json,
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

    /**
     * Writes the pack for {@code cut} into {@code dir} (created if needed; it must be empty).
     *
     * @param cited positions to cite with inclusion proofs, each within the cut
     */
    public Result write(Path dir, Cut cut, List<Integer> cited) throws IOException {
        if (cited.size() > MAX_CITATIONS) {
            throw new IllegalArgumentException("At most " + MAX_CITATIONS + " positions can be cited (" + cited.size()
                    + " given); cite fewer, or hand over the whole pack.");
        }
        for (int p : cited) {
            if (p < 1 || p > cut.position()) {
                throw new IllegalArgumentException("Position " + p + " cannot be cited: the cut holds positions 1.."
                        + cut.position() + ".");
            }
        }
        prepare(dir);
        ReplayState state = loaded.state(cut);
        byte[] stateJson = (StateJson.of(loaded.sourceName, state, masks) + "\n").getBytes(StandardCharsets.UTF_8);
        BusiestSeries chart = new BusiestSeries(state, cut.position());
        List<Long> leaves = cited.stream().distinct().sorted().map(p -> (long) p - 1).toList();
        InclusionProofs proofs = new InclusionProofs(cut.position(), leaves);
        Map<Integer, String> citedLines = new LinkedHashMap<>();
        MerkleTree.Builder tree = new MerkleTree.Builder();
        writeEvents(dir.resolve("events.jsonl"), cut, chart, proofs, citedLines, tree);
        String root = HexFormat.of().formatHex(tree.root());

        Files.write(dir.resolve("state.json"), stateJson);
        byte[] citations = leaves.isEmpty() ? null : citations(root, cut.position(), leaves, proofs, citedLines);
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

    /** Renders positions 1..cut as they are read (burst by burst when streamed) and writes and hashes them. */
    private void writeEvents(Path file, Cut cut, BusiestSeries chart, InclusionProofs proofs,
                             Map<Integer, String> citedLines, MerkleTree.Builder tree) throws IOException {
        int primary = loaded.spec.primaryField() == null ? -1 : 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            EventLines[] lines = new EventLines[1];
            try (LineSink sink = new LineSink(out, tree, proofs)) {
                loaded.events.read((timeline, spec) -> {
                    lines[0] = new EventLines(timeline, spec, masks);
                    return t -> {
                        EventLines l = lines[0];
                        for (int p = l.position() + 1; p <= Math.min(cut.position(), t.discarded() + t.size()); p++) {
                            byte[] line = l.next();
                            int length = l.length();
                            sink.add(line, length);
                            if (proofs.cites(p - 1L)) {
                                citedLines.put(p, new String(line, 0, length, StandardCharsets.UTF_8));
                            }
                            if (primary >= 0 && l.applied() && chart.tracks(l.entity())) {
                                chart.record(l.entity(), p, (BigDecimal) l.after(primary));
                            }
                        }
                    };
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            if (lines[0] == null || lines[0].position() != cut.position()) {
                throw new IllegalArgumentException("The source ended at position " + (lines[0] == null ? 0
                        : lines[0].position()) + " when read again for the pack's events, before the cut at "
                        + cut.position() + "; export again (or export a copy of the source as a file).");
            }
        }
    }

    private byte[] citations(String root, int size, List<Long> leaves, InclusionProofs proofs,
                             Map<Integer, String> lines) throws IOException {
        List<Object> out = new ArrayList<>();
        for (long leaf : leaves) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("position", leaf + 1);
            c.put("leafIndex", leaf);
            c.put("treeSize", size);
            c.put("line", lines.get((int) leaf + 1));
            c.put("inclusionProof", proofs.proof(leaf).stream().map(HexFormat.of()::formatHex).toList());
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

    private static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) {
                    throw new IllegalArgumentException("The folder " + dir + " is not empty; export into a new or "
                            + "empty folder so the pack holds nothing else.");
                }
            }
        } else if (Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " is a file, not a folder; name a new or empty folder.");
        }
        Files.createDirectories(dir);
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
