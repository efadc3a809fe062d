package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.demo.DemoLog;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source bigger than the memory budget stops cleanly, says so, and answers for what it loaded. */
class MemoryBudgetCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aLoadOverTheBudgetKeepsWhatItReadAndExitsFour() throws Exception {
        Cli r = Cli.run("state", "assets/samples/bank-demo.jsonl", "--max-memory", "2m", "--format", "json");
        assertThat(r.exit).isEqualTo(4);
        assertThat(r.err.strip().lines()).hasSize(1);
        assertThat(r.err).contains("memory budget of 2 MiB").contains("--max-memory");
        JsonNode state = JSON.readTree(r.out);
        assertThat(state.get("position").asInt()).isBetween(1000, 19999);

        Cli verify = Cli.run("verify", "assets/samples/bank-demo.jsonl", "--max-memory", "2m");
        assertThat(verify.exit).isEqualTo(3);
        assertThat(verify.out).contains("Incomplete:").contains("not read to its end");
    }

    @Test
    void aSmallHeapNeverRunsOutOfMemory() throws Exception {
        Path big = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            new DemoLog(600_000, 5_000, 3).write(w);
        }
        assertThat(Files.size(big)).isGreaterThan(64L << 20);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "io.eventscope.app.Main", "state", big.toString(), "--format", "json")
                .redirectOutput(dir.resolve("out.json").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(err).doesNotContain("OutOfMemoryError").contains("Stopped loading").contains("memory budget");
        assertThat(p.exitValue()).as(err).isEqualTo(4);
        JsonNode state = JSON.readTree(dir.resolve("out.json").toFile());
        int loaded = state.get("position").asInt();
        assertThat(loaded).isBetween(10_000, 599_999);
        // The answer covers exactly the loaded prefix: compare with the same prefix read in full.
        Path prefix = dir.resolve("prefix.jsonl");
        List<String> lines = Files.readAllLines(big).subList(0, loaded);
        Files.write(prefix, lines);
        JsonNode whole = JSON.readTree(Cli.run("state", prefix.toString(), "--format", "json").out);
        assertThat(state.get("entities")).isEqualTo(whole.get("entities"));
    }
}
