package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packs changed after export as an attacker would: each is answered DIFFERENT in one sentence, exit 3. */
class TamperedPackTest {
    private static final String SAMPLE = "assets/samples/bank-demo.jsonl";

    @TempDir
    static Path tmp;
    static Path pack;

    @BeforeAll
    static void export() {
        pack = tmp.resolve("pack");
        assertThat(Cli.run("export", SAMPLE, "--position", "50", "--out", pack.toString()).exit).isZero();
    }

    private static Path copy(String name) throws Exception {
        Path c = tmp.resolve(name);
        Files.createDirectories(c);
        try (Stream<Path> files = Files.list(pack)) {
            for (Path f : files.toList()) {
                Files.copy(f, c.resolve(f.getFileName()));
            }
        }
        return c;
    }

    private static void assertDifferent(Path dir, String... words) {
        Cli r = Cli.run("verify-pack", dir.toString());
        assertThat(r.exit).isEqualTo(3);
        assertThat(r.err).isEmpty();
        assertThat(r.out.strip()).startsWith("DIFFERENT: ").hasLineCount(1).contains(words);
    }

    @Test
    void aFileReplacedByASymbolicLinkIsNamedAsSuch() throws Exception {
        Path c = copy("link");
        Files.delete(c.resolve("state.json"));
        Files.createSymbolicLink(c.resolve("state.json"), pack.resolve("state.json").toAbsolutePath());
        assertDifferent(c, "state.json", "symbolic link");
    }

    @Test
    void anEventsFileGrownToGigabytesStopsAtOneBoundedLine() throws Exception {
        Path c = copy("big");
        try (RandomAccessFile f = new RandomAccessFile(c.resolve("events.jsonl").toFile(), "rw")) {
            f.setLength(2L << 30); // sparse: 2 GiB of NUL bytes after the real lines, no line break
        }
        assertDifferent(c, "events.jsonl line 51", "longer than 64 MiB");
    }

    @Test
    void aStateFileOfGigabytesIsRefusedBeforeItIsRead() throws Exception {
        Path c = copy("bigstate");
        try (RandomAccessFile f = new RandomAccessFile(c.resolve("state.json").toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        assertDifferent(c, "state.json", "MiB");
    }

    @Test
    void aMissingTruncatedOrChangedFileIsNamed() throws Exception {
        Path missing = copy("missing");
        Files.delete(missing.resolve("signature.json"));
        assertDifferent(missing, "signature.json", "missing");
        Path truncated = copy("truncated");
        byte[] events = Files.readAllBytes(truncated.resolve("events.jsonl"));
        Files.write(truncated.resolve("events.jsonl"), java.util.Arrays.copyOf(events, events.length / 2));
        assertDifferent(truncated, "events.jsonl");
        Path manifest = copy("manifest");
        String m = Files.readString(manifest.resolve("manifest.json"));
        Files.writeString(manifest.resolve("manifest.json"), m.replace("\"positionsLoaded\" : 20000", "\"positionsLoaded\" : 19999"));
        assertDifferent(manifest, "manifest.json", "signature");
    }
}
