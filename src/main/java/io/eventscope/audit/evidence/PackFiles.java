package io.eventscope.audit.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The files of a pack as {@link PackChecker} reads them: regular files only (a symbolic link could make
 * the pack "hold" any file of the checking machine, and export writes none), and bounded, so a tampered
 * pack gets a sentence rather than filling the heap.
 */
final class PackFiles {
    /** Larger than any manifest, signature or state file export writes; these are read whole. */
    private static final long MAX_WHOLE_FILE = 512L << 20;

    private final Path dir;

    PackFiles(Path dir) {
        this.dir = dir;
    }

    void present(String name) throws PackChecker.Difference {
        Path file = dir.resolve(name);
        if (Files.isSymbolicLink(file)) {
            throw new PackChecker.Difference(name, 0, "is a symbolic link, not a file of the pack");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackChecker.Difference(name, 0, "missing from the pack");
        }
    }

    byte[] read(String name) throws PackChecker.Difference, IOException {
        present(name);
        long size = Files.size(dir.resolve(name));
        if (size > MAX_WHOLE_FILE) {
            throw new PackChecker.Difference(name, 0, "is " + (size >> 20) + " MiB, more than the "
                    + (MAX_WHOLE_FILE >> 20) + " MiB such a file of a pack can be");
        }
        return Files.readAllBytes(dir.resolve(name));
    }

    /** events.jsonl, line by line (each line bounded by {@link PackLines#MAX_LINE}). */
    PackLines lines() throws PackChecker.Difference, IOException {
        present("events.jsonl");
        return new PackLines(dir.resolve("events.jsonl"));
    }
}
