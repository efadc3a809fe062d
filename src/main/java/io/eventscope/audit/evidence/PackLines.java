package io.eventscope.audit.evidence;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads events.jsonl strictly: lines end at '\n' and nowhere else (a '\r' is part of a line), and the last
 * line must end with '\n' too, so that every byte of the file counts towards the checks.
 */
final class PackLines implements Closeable {
    /** Longer than any line a pack holds (one event's payload); a tampered file stops here, not at the heap's end. */
    static final int MAX_LINE = 64 << 20;

    private final InputStream in;
    private long lineNumber;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private boolean unterminated;

    PackLines(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The next line's text without its '\n', or null at the end. */
    String next() throws IOException, PackChecker.Difference {
        line.reset();
        lineNumber++;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() == MAX_LINE) {
                throw new PackChecker.Difference("events.jsonl", lineNumber, "is longer than "
                        + (MAX_LINE >> 20) + " MiB, which no event of a pack is");
            }
            line.write(b);
        }
        if (line.size() > 0) {
            unterminated = true;
            return line.toString(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** Whether the last line read had no '\n' after it. */
    boolean unterminated() {
        return unterminated;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
