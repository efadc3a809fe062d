package io.eventscope.casefile;

/**
 * The projection a case was read under: a bundled one by name, or a spec file by path with the SHA-256 of
 * its bytes (a reopen refuses a file that changed since). Exactly one of {@code bundled} and {@code file}.
 */
public record ProjectionRef(String bundled, String file, String sha256) {
    public static ProjectionRef bundled(String name) {
        return new ProjectionRef(name, null, null);
    }

    public static ProjectionRef file(String path, String sha256) {
        return new ProjectionRef(null, path, sha256);
    }

    public boolean isBundled() {
        return bundled != null;
    }
}
