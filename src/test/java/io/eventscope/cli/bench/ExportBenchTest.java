package io.eventscope.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export bench measures the loaded timeline's export, the export command's one streamed read, and a load then export. */
class ExportBenchTest {
    @TempDir
    Path tmp;

    @Test
    void everyExportPathIsMeasured() throws Exception {
        Path log = Files.copy(Path.of("assets/samples/bank-demo.jsonl"), tmp.resolve("log.jsonl"));
        ExportBench.Result r = ExportBench.run(log, ProjectionSpecReader.banking(), 1);
        assertThat(r.eventsPerS()).isPositive();
        assertThat(r.commandEventsPerS()).isPositive();
        assertThat(r.loadThenExportEventsPerS()).isPositive();
    }
}
