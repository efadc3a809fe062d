package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.audit.Cut;
import io.eventscope.audit.evidence.PackWriter;
import io.eventscope.audit.evidence.SigningKey;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * export reads its source once: a source that can be read only once gives a whole pack, a time cut (whose
 * end is known only when the read is over) gives the pack the viewer writes from a loaded timeline, and
 * nothing but the pack is left in its folder, nor anything at all when the export fails.
 */
class ExportReadsOnceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PACK = List.of("events.jsonl", "manifest.json", "report.html", "signature.json",
            "state.json", "verify.py");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a second read of the pipe would wait for a writer for ever
    void aNamedPipeWrittenOnceGivesACompleteIntactPackEqualToTheFilesOne() throws Exception {
        Path sample = Path.of(EvidencePackTest.SAMPLE);
        Path fifo = tmp.resolve("bank-demo.jsonl");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) { // opens once export opens the pipe to read
                return Files.copy(sample, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path pack = tmp.resolve("from-pipe");
        Cli r = Cli.run("export", fifo.toString(), "--out", pack.toString(), "--cite", "1,164,20000",
                "--signing-key-folder", tmp.resolve("keys").toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(writer.get(1, TimeUnit.MINUTES)).isEqualTo(Files.size(sample));

        assertThat(names(pack)).containsExactlyInAnyOrderElementsOf(withCitations());
        Cli check = Cli.run("verify-pack", pack.toString());
        assertThat(check.exit).as(check.out + check.err).isZero();
        assertThat(check.out).contains("INTACT").contains("3 inclusion proof(s)");
        EvidencePackTest.Python py = EvidencePackTest.python(pack);
        assertThat(py.out()).startsWith("INTACT: signature valid; 20000 events");

        Path fromFile = tmp.resolve("from-file");
        assertThat(Cli.run("export", sample.toString(), "--out", fromFile.toString(), "--cite", "1,164,20000",
                "--signing-key-folder", tmp.resolve("keys").toString()).exit).isZero();
        assertThat(Files.readAllBytes(pack.resolve("events.jsonl")))
                .isEqualTo(Files.readAllBytes(fromFile.resolve("events.jsonl")));
        assertThat(manifest(pack).get("merkleRoot")).isEqualTo(manifest(fromFile).get("merkleRoot"));
    }

    @Test
    void aTimeCutsPackIsTheOneALoadedTimelineGivesForThatCut() throws Exception {
        // a late event (position 5001 carries the time of line 15001) inside the cut, and events after it
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(EvidencePackTest.SAMPLE)));
        lines.add(5000, lines.remove(15000));
        Path log = tmp.resolve("late.jsonl");
        Files.write(log, lines);
        Instant at = Instant.parse(JSON.readTree(lines.get(9999)).get("timestamp").asText());
        Path keys = tmp.resolve("keys");

        Path streamed = tmp.resolve("streamed");
        Cli r = Cli.run("export", log.toString(), "--at", at.toString(), "--out", streamed.toString(),
                "--cite", "1,5001,9000", "--signing-key-folder", keys.toString());
        assertThat(r.exit).as(r.err).isZero();
        LoadedSource loaded = TimelineLoad.under(ProjectionSpecReader.banking()).read(log.toString());
        Cut cut = Cut.resolve(new ReplayEngine(loaded.timeline(), loaded.spec()), null, at);
        assertThat(cut.position()).isBetween(9000, lines.size() - 1);
        assertThat(Instant.parse(JSON.readTree(lines.get(5000)).get("timestamp").asText())).isAfter(at);
        Path viewer = tmp.resolve("viewer");
        new PackWriter(loaded, ProjectionSpecReader.bundledText("banking"), SigningKey.inFolder(keys),
                ExportCommand.tool(), Clock.systemUTC()).write(viewer, cut, List.of(1, 5001, 9000));

        assertThat(names(streamed)).containsExactlyInAnyOrderElementsOf(withCitations());
        for (String f : withCitations()) {
            List<String> a = Files.readAllLines(streamed.resolve(f));
            List<String> b = Files.readAllLines(viewer.resolve(f));
            if (f.equals("manifest.json") || f.equals("signature.json")) {
                a.removeIf(l -> l.contains("\"created\"") || l.contains("\"signature\""));
                b.removeIf(l -> l.contains("\"created\"") || l.contains("\"signature\""));
            }
            assertThat(a).as(f).isEqualTo(b);
        }
        assertThat(manifest(streamed).get("eventCount").asInt()).isEqualTo(cut.position());
        Cli check = Cli.run("verify-pack", streamed.toString(), "--source", log.toString());
        assertThat(check.exit).as(check.out + check.err).isZero();
    }

    @Test
    void anExportThatFailsAfterReadingLeavesNoFolderBehindAndAnEmptyOneEmpty() throws Exception {
        Path keys = tmp.resolve("keys");
        Path made = tmp.resolve("made");
        Cli beyond = Cli.run("export", EvidencePackTest.SAMPLE, "--position", "20001", "--out", made.toString(),
                "--signing-key-folder", keys.toString());
        assertThat(beyond.exit).isEqualTo(1);
        assertThat(beyond.err).contains("beyond the end");
        assertThat(made).doesNotExist();

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Cli outside = Cli.run("export", EvidencePackTest.SAMPLE, "--at", "2024-03-01T00:10:00Z", "--cite", "19000",
                "--out", empty.toString(), "--signing-key-folder", keys.toString());
        assertThat(outside.exit).isEqualTo(1);
        assertThat(outside.err).contains("cannot be cited");
        assertThat(names(empty)).isEmpty();

        Cli again = Cli.run("export", EvidencePackTest.SAMPLE, "--at", "2024-03-01T00:10:00Z", "--out", empty.toString(),
                "--signing-key-folder", keys.toString());
        assertThat(again.exit).as(again.err).isZero();
        assertThat(names(empty)).containsExactlyInAnyOrderElementsOf(PACK); // no spool or other file left
    }

    private static List<String> withCitations() {
        List<String> all = new ArrayList<>(PACK);
        all.add("citations.json");
        return all;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static JsonNode manifest(Path pack) throws Exception {
        return JSON.readTree(pack.resolve("manifest.json").toFile());
    }
}
