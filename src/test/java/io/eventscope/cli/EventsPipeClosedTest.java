package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code events big | head}: once whoever reads its output goes away, {@code events} stops reading its source. The
 * source here is a named pipe fed without end, so only a stop can end the command.
 */
class EventsPipeClosedTest {
    @TempDir
    Path dir;

    @Test
    void eventsStopsReadingOnceItsOutputIsClosed() throws Exception {
        Path fifo = dir.resolve("endless.jsonl");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process events = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.eventscope.app.Main", "events", fifo.toString())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        // Feeds the pipe until the command stops reading it (the write then fails), or for at most 10 minutes.
        CompletableFuture<Boolean> readerWentAway = CompletableFuture.supplyAsync(() -> {
            byte[] line = "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}\n".getBytes(StandardCharsets.UTF_8);
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            try (OutputStream out = Files.newOutputStream(fifo)) {
                while (System.nanoTime() < until) {
                    out.write(line);
                }
                return false;
            } catch (IOException brokenPipe) {
                return true;
            }
        });
        List<String> firstRows = new ArrayList<>();
        try (BufferedReader rows = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8))) {
            for (int k = 0; k < 3; k++) {
                firstRows.add(rows.readLine());
            }
        } // as `head -3` does: read three rows, then close the pipe

        assertThat(firstRows).allSatisfy(row -> assertThat(row).startsWith("{\"position\":"));
        boolean ended = events.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            events.destroyForcibly();
        }
        assertThat(ended).as("events ended while its source was still being written").isTrue();
        assertThat(readerWentAway.get(30, TimeUnit.SECONDS)).as("it stopped reading the pipe").isTrue();
        assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("Exception");
    }
}
