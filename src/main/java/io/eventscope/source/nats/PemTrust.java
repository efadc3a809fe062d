package io.eventscope.source.nats;

import io.eventscope.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An SSL context that trusts the certificate authorities in one PEM file (and nothing else). */
public final class PemTrust {
    private PemTrust() {
    }

    public static SSLContext sslContext(Path caPem) throws SourceException {
        try {
            if (caPem == null) {
                return SSLContext.getDefault();
            }
            Collection<? extends Certificate> certs;
            try (InputStream in = Files.newInputStream(caPem)) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certs.isEmpty()) {
                throw new SourceException("The CA file " + caPem + " holds no certificate; give a PEM file "
                        + "with -----BEGIN CERTIFICATE-----.");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new SourceException("The CA file " + caPem + " cannot be read; check the path.");
        } catch (GeneralSecurityException e) {
            throw new SourceException("The CA file " + caPem + " is not a PEM certificate; give the broker's CA "
                    + "certificate in PEM form.");
        }
    }
}
