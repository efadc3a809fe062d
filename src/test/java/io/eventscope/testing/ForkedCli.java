package io.eventscope.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line run in a JVM of its own with a small heap (what a user's {@code -Xmx} gives it). */
public record ForkedCli(int exit, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code eventscope args} with {@code -Xmx<maxHeap>}; its output goes through files in {@code dir}. */
    public static ForkedCli run(Path dir, String maxHeap, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-cp",
                System.getProperty("java.class.path"), "io.eventscope.app.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("eventscope " + String.join(" ", args) + " did not end within 120 s: "
                    + Files.readString(err));
        }
        return new ForkedCli(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    public JsonNode json() throws Exception {
        return JSON.readTree(out);
    }
}
