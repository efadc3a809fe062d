package io.eventscope.testing;

import io.eventscope.demo.DemoLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo log the streaming tests read in a forked -Xmx32m JVM: 250,000 events over 5,000 accounts, over
 * 30 MB, so that a timeline load stops at its budget where a streamed answer reads to the end.
 */
public record TightHeapLog(Path file, List<String> lines) {
    public static final int EVENTS = 250_000;

    public static TightHeapLog writeIn(Path dir) throws IOException {
        Path file = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new DemoLog(EVENTS, 5_000, 7).write(w);
        }
        if (Files.size(file) <= 30L << 20) {
            throw new IllegalStateException("the demo log is smaller than a 32 MiB heap: " + Files.size(file) + " bytes");
        }
        return new TightHeapLog(file, Files.readAllLines(file));
    }
}
