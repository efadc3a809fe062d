package io.eventscope.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The installation's secret salt for masked-value hashes: 32 random bytes kept as hex in one file
 * (created on first use, readable by its owner only). One salt per installation keeps equal values equal
 * across exports; whoever holds the file can check a value: SHA-256 of the salt's bytes then the value.
 */
public final class MaskSalt {
    public static final String FILE_NAME = "mask-salt";

    private MaskSalt() {
    }

    /** The salt in {@code file}, created when missing; IOException with a sentence when it cannot be. */
    public static byte[] read(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            byte[] salt = HexFormat.of().parseHex(text);
            if (salt.length < 16) {
                throw new IllegalArgumentException("short");
            }
            return salt;
        } catch (IllegalArgumentException e) {
            throw new IOException("The mask salt " + file + " is not 32 or more hex digits; restore it from a "
                    + "backup (or delete it to start a new salt, which changes every hash).");
        }
    }

    private static void create(Path file) throws IOException {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first: use that one
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        Files.writeString(file, HexFormat.of().formatHex(salt) + "\n", StandardCharsets.US_ASCII);
    }
}
