package io.eventscope.audit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.audit.Cut;
import io.eventscope.event.CoordinateKind;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecException;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.replay.StateJson;
import io.eventscope.source.SourceException;
import io.eventscope.source.pack.PackEventsSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code verify-pack}: re-checks an evidence pack from the pack alone. The signature over manifest.json,
 * the Merkle root of events.jsonl, state.json's and citations.json's hashes, every citation's inclusion
 * proof, and then the replay: the events' payloads are decoded again under the recorded projection, each
 * line rendered again must equal the pack's line, and the state at the cut must equal state.json.
 * Optionally, the source itself must still hold the same events. Stops at the first difference.
 */
public final class PackChecker {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first difference found: which file, which line (0 when not about a line), and what differs. */
    public static final class Difference extends Exception {
        public Difference(String file, long line, String what) {
            super(file + (line > 0 ? " line " + line : "") + ": " + what);
        }
    }

    /** Loads the pack's source again under the recorded projection (for {@code --source}). */
    @FunctionalInterface
    public interface SourceLoader {
        LoadedSource load(ProjectionSpec spec) throws SourceException;
    }

    private final Path dir;
    private final PackFiles files;
    private JsonNode manifest;
    private int count;
    private final Map<Integer, String> citedLines = new TreeMap<>();

    private final byte[] salt;
    private Masks masks = Masks.none();

    public PackChecker(Path dir) {
        this(dir, null);
    }

    /** @param salt the mask salt of the exporting installation (null: unknown), for comparing with --source */
    public PackChecker(Path dir, byte[] salt) {
        this.dir = dir;
        this.salt = salt;
        this.files = new PackFiles(dir);
    }

    /** Checks the pack; with {@code source} non-null also against the source. Returns the sentences of what held. */
    public List<String> check(SourceLoader source) throws Difference, IOException {
        List<String> held = new ArrayList<>();
        byte[] manifestBytes = files.read("manifest.json");
        manifest = parse("manifest.json", manifestBytes);
        count = manifest.path("eventCount").asInt(-1);
        held.add(checkSignature(manifestBytes));
        ProjectionSpec spec = projection();
        masks = PackMasks.of(manifest, spec, salt);
        JsonNode citations = citations();
        String root = root();
        held.add("events.jsonl: " + count + " lines, Merkle root " + root + " as recorded");
        if (!PackWriter.sha256(files.read("state.json")).equals(manifest.path("stateSha256").asText())) {
            throw new Difference("state.json", 0, "its SHA-256 differs from manifest.json stateSha256");
        }
        if (citations != null) {
            held.add(checkCitations(citations, root));
        }
        try (LoadedSource replayed = TimelineLoad.under(spec).open(packSource())) {
            compareLines(replayed, count, "replaying the payloads under the recorded projection gives");
            compareState(replayed);
            PackFindings.compare(manifest, count, replayed);
        } catch (SourceException e) {
            throw new Difference("events.jsonl", 0, e.getMessage());
        }
        held.add("replaying events.jsonl under projection " + spec.name() + " gives every line and state.json");
        if (source != null) {
            try (LoadedSource fresh = source.load(spec)) {
                int size = fresh.timeline().size();
                compareLines(fresh, Math.min(size, count), "the source now gives");
                if (size < count) {
                    throw new Difference("events.jsonl", size + 1L, "the source now holds only " + size
                            + " positions, the pack " + count);
                }
            } catch (SourceException e) {
                throw new IOException(e.getMessage(), e);
            }
            held.add("the source still holds the same " + count + " events at those positions");
        }
        return held;
    }

    private String checkSignature(byte[] manifestBytes) throws Difference, IOException {
        JsonNode sig = parse("signature.json", files.read("signature.json"));
        String key = manifest.path("signer").path("publicKey").asText();
        if (!key.equals(sig.path("publicKey").asText())) {
            throw new Difference("signature.json", 0, "its public key is not the one manifest.json names");
        }
        if (!SigningKey.verify(key, manifestBytes, sig.path("signature").asText())) {
            throw new Difference("manifest.json", 0, "the Ed25519 signature does not match (the manifest or the "
                    + "signature was changed)");
        }
        String fingerprint = SigningKey.fingerprint(key);
        if (!fingerprint.equals(manifest.path("signer").path("fingerprint").asText())) {
            throw new Difference("manifest.json", 0, "the signer fingerprint is not that of its public key");
        }
        return "manifest.json: signature valid, signer fingerprint " + fingerprint;
    }

    private ProjectionSpec projection() throws Difference {
        JsonNode p = manifest.path("projection");
        String text = p.path("text").asText();
        if (!PackWriter.sha256(text.getBytes(StandardCharsets.UTF_8)).equals(p.path("sha256").asText())) {
            throw new Difference("manifest.json", 0, "the projection text does not match its sha256");
        }
        try {
            return ProjectionSpecReader.parse(text, "manifest.json projection");
        } catch (ProjectionSpecException e) {
            throw new Difference("manifest.json", 0, e.getMessage());
        }
    }

    private JsonNode citations() throws Difference, IOException {
        String recorded = manifest.path("citationsSha256").isTextual() ? manifest.get("citationsSha256").asText() : null;
        if (recorded == null) {
            return null;
        }
        byte[] bytes = files.read("citations.json");
        if (!PackWriter.sha256(bytes).equals(recorded)) {
            throw new Difference("citations.json", 0, "its SHA-256 differs from manifest.json citationsSha256");
        }
        JsonNode doc = parse("citations.json", bytes);
        for (JsonNode c : doc.path("citations")) {
            citedLines.put(c.path("position").asInt(), null);
        }
        return doc;
    }

    /** One pass over events.jsonl: every line holds its position, and the leaves give the recorded root. */
    private String root() throws Difference, IOException {
        MerkleTree.Builder tree = new MerkleTree.Builder();
        int n = 0;
        try (PackLines in = files.lines()) {
            for (String line = in.next(); line != null; line = in.next()) {
                n++;
                if (in.unterminated()) {
                    throw new Difference("events.jsonl", n, "the last line does not end with a newline");
                }
                if (!line.startsWith("{\"position\":" + n + ",")) {
                    throw new Difference("events.jsonl", n, "does not hold position " + n
                            + " (a line was removed, added or moved)");
                }
                tree.add(MerkleTree.leafHash(line.getBytes(StandardCharsets.UTF_8)));
                if (citedLines.containsKey(n)) {
                    citedLines.put(n, line);
                }
            }
        }
        if (n != count) {
            throw new Difference("events.jsonl", 0, n + " lines, manifest.json eventCount says " + count);
        }
        String root = HexFormat.of().formatHex(tree.root());
        if (!root.equals(manifest.path("merkleRoot").asText())) {
            throw new Difference("events.jsonl", 0, "the Merkle root is " + root + ", manifest.json records "
                    + manifest.path("merkleRoot").asText());
        }
        return root;
    }

    private String checkCitations(JsonNode doc, String root) throws Difference {
        for (JsonNode c : doc.path("citations")) {
            int p = c.path("position").asInt();
            String line = c.path("line").asText();
            if (!line.equals(citedLines.get(p))) {
                throw new Difference("citations.json", 0, "the line cited for position " + p
                        + " differs from events.jsonl line " + p);
            }
            List<byte[]> path = new ArrayList<>();
            for (JsonNode h : c.path("inclusionProof")) {
                path.add(hex(h.asText()));
            }
            if (c.path("treeSize").asInt() != count || !MerkleTree.verifyInclusion(p - 1L, count,
                    MerkleTree.leafHash(line.getBytes(StandardCharsets.UTF_8)), path, hex(root))) {
                throw new Difference("citations.json", 0, "the inclusion proof of position " + p
                        + " does not lead to the root");
            }
        }
        return "citations.json: " + doc.path("citations").size() + " inclusion proof(s) lead to the root";
    }

    private static byte[] hex(String text) throws Difference {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new Difference("citations.json", 0, "\"" + text + "\" is not a hex hash");
        }
    }

    private PackEventsSource packSource() throws Difference {
        JsonNode src = manifest.path("source");
        CoordinateKind kind;
        try {
            kind = CoordinateKind.valueOf(src.path("coordinates").asText());
        } catch (IllegalArgumentException e) {
            throw new Difference("manifest.json", 0, "source.coordinates is not one of LINE, SEQUENCE, OFFSET");
        }
        return new PackEventsSource(dir.resolve("events.jsonl"), src.path("name").asText(),
                src.path("defaultEntity").asText(), kind);
    }

    /** Renders positions 1..upTo of {@code loaded} as pack lines and compares them with events.jsonl. */
    private void compareLines(LoadedSource loaded, int upTo, String expectedName) throws Difference, IOException {
        EventLines lines = new EventLines(loaded.timeline(), loaded.spec(), masks);
        try (PackLines in = files.lines()) {
            for (int p = 1; p <= upTo; p++) {
                byte[] b = lines.next();
                String expected = new String(b, 0, lines.length(), StandardCharsets.UTF_8);
                String diff = LineDiff.of(in.next(), expected, expectedName);
                if (diff != null) {
                    throw new Difference("events.jsonl", p, diff);
                }
            }
        }
    }

    private void compareState(LoadedSource replayed) throws Difference, IOException {
        ReplayEngine engine = new ReplayEngine(replayed.timeline(), replayed.spec());
        String at = manifest.path("cut").path("at").isTextual() ? manifest.path("cut").path("at").asText() : null;
        Cut cut = new Cut(count, at == null ? null : Instant.parse(at));
        String expected = StateJson.of(manifest.path("source").path("name").asText(), cut.state(engine), masks) + "\n";
        String[] mine = new String(files.read("state.json"), StandardCharsets.UTF_8).split("\n", -1);
        String[] theirs = expected.split("\n", -1);
        for (int i = 0; i < Math.max(mine.length, theirs.length); i++) {
            String a = i < mine.length ? mine[i] : "(nothing)";
            String b = i < theirs.length ? theirs[i] : "(nothing)";
            if (!a.equals(b)) {
                throw new Difference("state.json", i + 1L, "the pack says " + a.strip() + ", replaying events.jsonl gives "
                        + b.strip());
            }
        }
    }

    private static JsonNode parse(String name, byte[] bytes) throws Difference {
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new Difference(name, 0, "is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new Difference(name, 0, "is not valid JSON");
        }
    }
}
