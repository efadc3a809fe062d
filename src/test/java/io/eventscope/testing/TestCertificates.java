package io.eventscope.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and a localhost server key signed by it, made with the JDK's own
 * {@code keytool} (no extra library): the CA as a PEM file for the client's {@code ca=} option, the server's
 * key and chain as a PKCS12 keystore for a broker. Also a second, unrelated CA, to be the wrong one.
 */
public final class TestCertificates {
    public static final String STORE_PASSWORD = "test-store-pass";

    private final Path caPem;
    private final Path otherCaPem;
    private final Path serverKeystore;

    private TestCertificates(Path caPem, Path otherCaPem, Path serverKeystore) {
        this.caPem = caPem;
        this.otherCaPem = otherCaPem;
        this.serverKeystore = serverKeystore;
    }

    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path other = dir.resolve("other-ca.p12");
        Path server = dir.resolve("server.p12");
        Path caPem = dir.resolve("ca.pem");
        Path otherPem = dir.resolve("other-ca.pem");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Eventscope Test CA", "-ext", "bc:c",
                "-keyalg", "EC", "-validity", "2", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Some Other CA", "-ext", "bc:c",
                "-keyalg", "EC", "-validity", "2", "-keystore", other.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", other.toString(), "-file", otherPem.toString());
        keytool("-genkeypair", "-alias", "server", "-dname", "CN=localhost", "-keyalg", "EC", "-validity", "2",
                "-keystore", server.toString());
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-infile", csr.toString(),
                "-outfile", serverPem.toString(), "-validity", "2",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString());
        keytool("-importcert", "-alias", "server", "-file", serverPem.toString(), "-keystore", server.toString());
        return new TestCertificates(caPem, otherPem, server);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }

    /** The CA that signed the server's certificate, PEM. */
    public Path caPem() {
        return caPem;
    }

    /** A CA that signed nothing the broker has, PEM. */
    public Path otherCaPem() {
        return otherCaPem;
    }

    /** PKCS12: the server key, its certificate and the CA, under {@link #STORE_PASSWORD}. */
    public Path serverKeystore() {
        return serverKeystore;
    }
}
