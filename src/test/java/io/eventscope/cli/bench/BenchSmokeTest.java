package io.eventscope.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.cli.EventscopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A small run of the bench so the command cannot rot; the figures themselves come from real runs. */
class BenchSmokeTest {

    @Test
    void smallBenchPrintsEveryFigureAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        CommandLine cl = EventscopeCommand.commandLine(false);
        cl.setOut(new PrintWriter(out, true));
        int exit = cl.execute("bench", "--events", "3000", "--entities", "50", "--runs", "1", "--seeks", "50",
                "--json", json.toString());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("file ingest ÷ bare Jackson parse").contains("seek p99 (ms)")
                .contains("heap overhead (bytes/event)").contains("ratios");
        JsonNode f = new ObjectMapper().readTree(json.toFile());
        for (String key : new String[] {"file_ingest_ratio", "seek_p50_ms", "seek_p99_ms", "seek_speedup",
                "file_ingest_events_per_s", "jackson_parse_events_per_s", "machine_cores"}) {
            assertThat(f.get(key)).as(key).isNotNull();
            assertThat(f.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(f.get("heap_overhead_bytes_per_event")).isNotNull();
        assertThat(f.get("events").asInt()).isEqualTo(3000);
        assertThat(f.get("seek_p50_ms").asDouble()).isLessThanOrEqualTo(f.get("seek_p99_ms").asDouble());
    }
}
