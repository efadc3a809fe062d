package io.eventscope.audit.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The user's Ed25519 key that signs evidence packs. It lives in the user's Eventscope folder
 * ({@code ~/.eventscope/evidence-signing-key}, owner-only), is created on the first export, and is
 * named by its fingerprint: SHA-256 of the public key (X.509 form), hex.
 */
public final class SigningKey {
    static final String FILE = "evidence-signing-key";
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final boolean created;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey, boolean created) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.created = created;
    }

    /** The key in {@code folder}, made there first when there is none. */
    public static SigningKey inFolder(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(folder);
            String text = "# Eventscope evidence signing key (Ed25519). Keep it private.\n"
                    + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return new SigningKey(pair.getPrivate(), pair.getPublic(), true);
        } catch (GeneralSecurityException e) {
            throw new IOException("the signing key " + file + " cannot be used (" + e.getMessage() + ")", e);
        }
    }

    private static SigningKey read(Path file) throws IOException, GeneralSecurityException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (lines.size() != 2) {
            throw new IOException("the signing key " + file + " is damaged; move it away and export again to make a new one");
        }
        KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
        try {
            PrivateKey priv = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0).trim())));
            PublicKey pub = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1).trim())));
            return new SigningKey(priv, pub, false);
        } catch (IllegalArgumentException e) {
            throw new IOException("the signing key " + file + " is damaged; move it away and export again to make a new one");
        }
    }

    /** Whether this call made the key (the first export). */
    public boolean created() {
        return created;
    }

    /** The public key, X.509 SubjectPublicKeyInfo, base64: what a pack carries. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String fingerprint() {
        return fingerprint(publicKeyBase64());
    }

    /** The fingerprint of a base64 public key: SHA-256 of its bytes, hex. */
    public static String fingerprint(String publicKeyBase64) {
        return HexFormat.of().formatHex(MerkleTree.sha256().digest(Base64.getDecoder().decode(publicKeyBase64)));
    }

    /** The Ed25519 signature of {@code data}, base64. */
    public String sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signatureBase64} is a valid signature of {@code data} by {@code publicKeyBase64}. */
    public static boolean verify(String publicKeyBase64, byte[] data, String signatureBase64) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
