package io.eventscope.audit.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a pack is written into: new or empty when the export starts (so the pack holds nothing else),
 * and left as it was found when the export fails: a half-written pack is no evidence, and removing it
 * lets the user export into the same folder again.
 */
final class PackFolder {
    /** Every file an export writes. */
    static final List<String> FILES = List.of("events.jsonl", "state.json", "citations.json", "manifest.json",
            "signature.json", "report.html", "verify.py");

    final Path dir;
    private final boolean created;

    private PackFolder(Path dir, boolean created) {
        this.dir = dir;
        this.created = created;
    }

    /** Creates {@code dir} if needed. @throws IllegalArgumentException with one sentence when it is not empty or a file */
    static PackFolder prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) {
                    throw new IllegalArgumentException("The folder " + dir + " is not empty; export into a new or "
                            + "empty folder so the pack holds nothing else.");
                }
            }
            return new PackFolder(dir, false);
        } else if (Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " is a file, not a folder; name a new or empty folder.");
        }
        Files.createDirectories(dir);
        return new PackFolder(dir, true);
    }

    /** Removes what the export wrote (and the folder, if it made it). */
    void discard() throws IOException {
        for (String f : FILES) {
            Files.deleteIfExists(dir.resolve(f));
        }
        if (created) {
            try (Stream<Path> left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }
}
