package io.eventscope.ui.casefile;

import io.eventscope.casefile.CaseFileException;
import io.eventscope.casefile.Escaped;
import io.eventscope.casefile.PayloadHash;
import io.eventscope.casefile.ProjectionRef;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecException;
import io.eventscope.replay.ProjectionSpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A projection as a case names it, resolved: the spec, its text (what an evidence pack records) and, for a
 * file, where it was read. A file is read only if it is a regular file under 1 MiB whose bytes still have
 * the SHA-256 the case recorded: a case cannot switch in another spec, or read some other file, unnoticed.
 */
public record CaseProjection(ProjectionSpec spec, String text, Path file) {
    static final int MAX_BYTES = 1 << 20;

    /** The reference a case saves for this projection. */
    public ProjectionRef ref() {
        return file == null ? ProjectionRef.bundled(spec.name())
                : ProjectionRef.file(file.toAbsolutePath().toString(), PayloadHash.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static CaseProjection bundled(String name) throws ProjectionSpecException {
        return new CaseProjection(ProjectionSpecReader.named(name), ProjectionSpecReader.bundledText(name), null);
    }

    /** Reads what {@code ref} names (in the background). */
    public static CaseProjection resolve(ProjectionRef ref) throws CaseFileException, ProjectionSpecException {
        if (ref.isBundled()) {
            return bundled(ref.bundled());
        }
        Path file;
        try {
            file = Path.of(ref.file());
        } catch (InvalidPathException e) {
            throw new CaseFileException("The case names a projection file that is not a valid path; it was not opened.");
        }
        String shown = Escaped.of(String.valueOf(file.getFileName()));
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("not a file");
            }
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            throw new CaseFileException("The case's projection file " + Escaped.of(ref.file())
                    + " cannot be read; put the spec back there, or open the source and choose the projection again.");
        }
        if (bytes.length > MAX_BYTES || !PayloadHash.of(bytes).equals(ref.sha256())) {
            throw new CaseFileException("The projection file " + shown + " has changed since the case was saved (its "
                    + "SHA-256 differs), so the case was not opened; restore the file the case was saved with.");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new CaseProjection(ProjectionSpecReader.parse(text, String.valueOf(file.getFileName())), text, file);
    }
}
