package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.audit.evidence.PackChecker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence packs as an auditor and a recipient meet them: export, verify-pack, verify.py, tampering. */
class EvidencePackTest {
    static final String SAMPLE = "assets/samples/bank-demo.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path pack;
    static Path keys;

    @BeforeAll
    static void export() {
        keys = tmp.resolve("keys");
        pack = tmp.resolve("pack");
        Cli r = Cli.run("export", SAMPLE, "--position", "5000", "--out", pack.toString(), "--cite", "1,164,5000",
                "--signing-key-folder", keys.toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("Created a signing key").contains("Merkle root").contains("fingerprint");
    }

    @Test
    void statePackedIsExactlyWhatTheStateCommandPrints() throws IOException {
        Cli state = Cli.run("state", SAMPLE, "--position", "5000", "--format", "json");
        assertThat(Files.readString(pack.resolve("state.json"))).isEqualTo(state.out);
    }

    @Test
    void theRootIsTheRfc6962TreeHashOfTheLinesComputedIndependently() throws Exception {
        List<byte[]> lines = lines(pack.resolve("events.jsonl"));
        assertThat(lines).hasSize(5000);
        JsonNode manifest = JSON.readTree(pack.resolve("manifest.json").toFile());
        assertThat(manifest.get("merkleRoot").asText()).isEqualTo(HexFormat.of().formatHex(mth(lines, 0, lines.size())));
        assertThat(manifest.get("eventCount").asInt()).isEqualTo(5000);
        // every position once, in order, flagged ones included; the payload kept exactly
        List<String> source = Files.readAllLines(Path.of(SAMPLE), StandardCharsets.UTF_8);
        for (int p : new int[] {1, 164, 239, 4999}) {
            JsonNode line = JSON.readTree(lines.get(p - 1));
            assertThat(line.get("position").asInt()).isEqualTo(p);
            String payload = line.has("payload") ? line.get("payload").asText()
                    : new String(java.util.Base64.getDecoder().decode(line.get("payloadBase64").asText()),
                    StandardCharsets.UTF_8);
            assertThat(payload).isEqualTo(source.get(p - 1));
        }
        assertThat(JSON.readTree(lines.get(163)).get("flags")).isNotEmpty();
    }

    @Test
    void verifyPackAndVerifyPyBothSayIntact() throws Exception {
        Cli r = Cli.run("verify-pack", pack.toString(), "--source", SAMPLE);
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("INTACT").contains("3 inclusion proof(s)").contains("source still holds");
        Python py = python(pack);
        assertThat(py.exit).as(py.out).isZero();
        assertThat(py.out).startsWith("INTACT: signature valid; 5000 events");
    }

    @Test
    void twoExportsOfTheSameCutDifferOnlyInCreatedAndTheSignature() throws IOException {
        Path again = tmp.resolve("again");
        Cli r = Cli.run("export", SAMPLE, "--position", "5000", "--out", again.toString(), "--cite", "1,164,5000",
                "--signing-key-folder", keys.toString());
        assertThat(r.exit).isZero();
        assertThat(r.out).doesNotContain("Created a signing key");
        try (Stream<Path> files = Files.list(pack)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                List<String> a = Files.readAllLines(f);
                List<String> b = Files.readAllLines(again.resolve(name));
                if (name.equals("manifest.json") || name.equals("signature.json")) {
                    a.removeIf(l -> l.contains("\"created\"") || l.contains("\"signature\""));
                    b.removeIf(l -> l.contains("\"created\"") || l.contains("\"signature\""));
                }
                assertThat(b).as(name).isEqualTo(a);
            }
        }
    }

    @Test
    void anySingleByteChangedRemovedLineOrSwappedLinesIsCaughtByBoth() throws Exception {
        Random random = new Random(7);
        String[] files = {"events.jsonl", "state.json", "manifest.json", "citations.json", "signature.json"};
        for (int trial = 0; trial < 24; trial++) {
            Path copy = copyOf(pack, tmp.resolve("tamper" + trial));
            String name = files[trial % files.length];
            Path f = copy.resolve(name);
            byte[] bytes = Files.readAllBytes(f);
            int at = random.nextInt(bytes.length);
            byte changed;
            do {
                changed = (byte) random.nextInt(256);
            } while (changed == bytes[at]);
            bytes[at] = changed;
            Files.write(f, bytes);
            assertCaught(copy, name + " byte " + at);
        }
        Path removed = copyOf(pack, tmp.resolve("removed"));
        List<String> lines = new ArrayList<>(Files.readAllLines(removed.resolve("events.jsonl")));
        lines.remove(2500);
        Files.write(removed.resolve("events.jsonl"), lines);
        assertCaught(removed, "a removed line");
        Path swapped = copyOf(pack, tmp.resolve("swapped"));
        lines = new ArrayList<>(Files.readAllLines(swapped.resolve("events.jsonl")));
        java.util.Collections.swap(lines, 10, 11);
        Files.write(swapped.resolve("events.jsonl"), lines);
        assertCaught(swapped, "two swapped lines");
        Path crlf = copyOf(pack, tmp.resolve("crlf"));
        Files.writeString(crlf.resolve("events.jsonl"), Files.readString(crlf.resolve("events.jsonl"))
                .replaceFirst("\n", "\r\n"));
        assertCaught(crlf, "a CR added before a newline");
    }

    @Test
    void verifyPackNamesTheFileAndLine() throws Exception {
        Path copy = copyOf(pack, tmp.resolve("named"));
        List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve("events.jsonl")));
        lines.set(6, lines.get(6).replace("\"position\":7,", "\"position\":8,"));
        Files.write(copy.resolve("events.jsonl"), lines);
        Cli r = Cli.run("verify-pack", copy.toString());
        assertThat(r.exit).isEqualTo(3);
        assertThat(r.out).contains("DIFFERENT: events.jsonl line 7: does not hold position 7");
        assertThat(python(copy).out).contains("DIFFERENT: events.jsonl line 7");
    }

    @Test
    void verifyPackWithTheSourceNamesTheFirstEventTheSourceNoLongerHolds() throws IOException {
        Path changed = tmp.resolve("bank-demo.jsonl");
        List<String> source = new ArrayList<>(Files.readAllLines(Path.of(SAMPLE)));
        int changedAt = 41;
        while (!source.get(changedAt).contains("\"amount\":")) {
            changedAt++;
        }
        source.set(changedAt, source.get(changedAt).replace("\"amount\":", "\"amount\":1"));
        Files.write(changed, source);
        Path p = tmp.resolve("forsource");
        assertThat(Cli.run("export", SAMPLE, "--position", "100", "--out", p.toString(),
                "--signing-key-folder", keys.toString()).exit).isZero();
        Cli r = Cli.run("verify-pack", p.toString(), "--source", changed.toString());
        assertThat(r.exit).isEqualTo(3);
        assertThat(r.out).contains("events.jsonl line " + (changedAt + 1) + ":").contains("the source now gives");
    }

    @Test
    void exportRefusesAFolderThatIsNotEmptyAndCitationsOutsideTheCut() throws IOException {
        Cli full = Cli.run("export", SAMPLE, "--position", "10", "--out", pack.toString(),
                "--signing-key-folder", keys.toString());
        assertThat(full.exit).isEqualTo(1);
        assertThat(full.err.strip()).contains("is not empty").doesNotContain("Exception").doesNotContain("\n");
        Cli cite = Cli.run("export", SAMPLE, "--position", "10", "--out", tmp.resolve("c").toString(), "--cite", "11",
                "--signing-key-folder", keys.toString());
        assertThat(cite.exit).isEqualTo(1);
        assertThat(cite.err.strip()).isEqualTo("Position 11 cannot be cited: the cut holds positions 1..10.");
    }

    private static void assertCaught(Path copy, String what) throws Exception {
        try {
            new PackChecker(copy).check(null);
            throw new AssertionError("verify-pack did not catch " + what);
        } catch (PackChecker.Difference expected) {
            // caught
        }
        Python py = python(copy);
        assertThat(py.exit).as("verify.py catches " + what + ": " + py.out).isNotZero();
    }

    record Python(int exit, String out) {
    }

    static Python python(Path dir) throws Exception {
        Process p = new ProcessBuilder("python3", dir.resolve("verify.py").toString(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("verify.py finishes").isTrue();
        return new Python(p.exitValue(), out);
    }

    static Path copyOf(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** The lines of a file split at '\n' only, as bytes. */
    static List<byte[]> lines(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** RFC 6962 §2.1, written out here on its own. */
    static byte[] mth(List<byte[]> d, int from, int to) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        if (to - from == 1) {
            sha.update((byte) 0);
            return sha.digest(d.get(from));
        }
        int k = Integer.highestOneBit(to - from - 1);
        byte[] left = mth(d, from, from + k);
        byte[] right = mth(d, from + k, to);
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }
}
