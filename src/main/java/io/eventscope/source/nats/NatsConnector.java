package io.eventscope.source.nats;

import io.eventscope.source.DaemonThread;
import io.eventscope.source.SourceException;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Connects to a NATS or Memphis broker the read-only way: a connection name without {@code ::} (so a
 * Memphis broker treats us as a plain NATS client and records nothing), reconnecting forever after a
 * drop (ordered consumers then resume), a short connect timeout so that a wrong address fails within
 * seconds, and no logging of anything that could hold a secret.
 */
public final class NatsConnector {
    /** The connection name the broker sees. Must not contain "::" (Memphis' SDK marker). */
    public static final String CONNECTION_NAME = "eventscope-reader";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private NatsConnector() {
    }

    /** Opens a connection, trying Memphis' {@code user$1} form first and the bare user name second. */
    public static Connection connect(NatsEndpoint endpoint) throws SourceException {
        return connect(endpoint, CONNECTION_NAME);
    }

    public static Connection connect(NatsEndpoint endpoint, String connectionName) throws SourceException {
        List<String> users = new ArrayList<>();
        if (endpoint.user() != null && !endpoint.token()) {
            if (endpoint.memphis() && !endpoint.user().contains("$")) {
                users.add(endpoint.user() + "$1"); // Memphis password mode: NATS user <name>$<accountId>
            }
            users.add(endpoint.user());
        } else {
            users.add(null);
        }
        javax.net.ssl.SSLContext ssl = endpoint.tls() ? PemTrust.sslContext(endpoint.ca()) : null;
        AuthenticationException lastAuth = null;
        for (String user : users) {
            QuietErrorListener problems = new QuietErrorListener();
            try {
                return connectOnce(options(endpoint, user, ssl, connectionName, problems), problems);
            } catch (AuthenticationException e) {
                lastAuth = e;
            } catch (IOException e) {
                if (isAuthFailure(e) || problems.mentions("authorization violation")) {
                    lastAuth = new AuthenticationException(String.valueOf(e.getMessage()));
                    continue;
                }
                throw translate(endpoint, e, problems.seen());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("Connecting to " + endpoint.hostPort() + " was interrupted.");
            }
        }
        throw authFailure(endpoint, lastAuth);
    }

    /**
     * One connect attempt. jnats only gives up on a rejected login when its connect timeout ends, though
     * the server said "Authorization Violation" at once; we answer as soon as the server has said so, so
     * a wrong password (and Memphis' {@code user$1} → {@code user} fallback) costs milliseconds, not seconds.
     */
    private static Connection connectOnce(Options options, QuietErrorListener problems)
            throws IOException, InterruptedException {
        CompletableFuture<Connection> attempt = new CompletableFuture<>();
        problems.onAuthorizationViolation(() -> attempt.completeExceptionally(
                new AuthenticationException("Authorization Violation")));
        ExecutorService connector = DaemonThread.named("eventscope-connect");
        try {
            connector.execute(() -> {
                try {
                    Connection c = Nats.connect(options);
                    if (!attempt.complete(c)) {
                        c.close(); // the attempt was already given up on
                    }
                } catch (Throwable t) {
                    attempt.completeExceptionally(t);
                }
            });
            return attempt.get(CONNECT_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IOException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
            attempt.completeExceptionally(e);
            throw new IOException("connect timed out", e);
        } finally {
            connector.shutdown();
        }
    }

    static Options options(NatsEndpoint endpoint, String user, javax.net.ssl.SSLContext ssl, String connectionName,
                           ErrorListener listener) {
        if (connectionName.contains("::")) {
            throw new IllegalArgumentException("a connection name with '::' makes Memphis record the client");
        }
        Options.Builder b = Options.builder()
                .servers(endpoint.serverUrls())
                .connectionName(connectionName)
                .connectionTimeout(CONNECT_TIMEOUT)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .pingInterval(Duration.ofSeconds(5))
                .noRandomize()
                .errorListener(listener);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        if (endpoint.token()) {
            String token = endpoint.memphis() && endpoint.user() != null
                    ? endpoint.user() + "::" + endpoint.password() // Memphis token mode
                    : endpoint.password();
            b.token(token.toCharArray());
        } else if (user != null) {
            b.userInfo(user.toCharArray(), endpoint.password() == null ? new char[0] : endpoint.password().toCharArray());
        }
        return b.build();
    }

    private static boolean isAuthFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t instanceof AuthenticationException || m.contains("authorization violation")
                    || m.contains("authentication")) {
                return true;
            }
        }
        return false;
    }

    private static SourceException authFailure(NatsEndpoint endpoint, Exception e) {
        String who = endpoint.token() ? "the token" : endpoint.user() == null ? "an anonymous connection"
                : "user " + endpoint.user();
        String fix = endpoint.user() == null && !endpoint.token()
                ? "give a user and password (user:password@host, --password-file or EVENTSCOPE_PASSWORD)."
                : "check the user name and password or token.";
        return new SourceException("The broker at " + endpoint.hostPort() + " rejected " + who + "; " + fix, e);
    }

    static SourceException translate(NatsEndpoint endpoint, Throwable e, String reported) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new SourceException("The TLS handshake with " + endpoint.hostPort() + " failed ("
                        + shortReason(t) + "); check that the broker's certificate is signed by the CA given "
                        + "with ?ca=PATH and names the host you connect to.", e);
            }
        }
        String m = (e.getMessage() + " " + reported).toLowerCase(java.util.Locale.ROOT);
        if (reported.contains("SSLHandshakeException") || reported.contains("PKIX")) {
            return new SourceException("The TLS handshake with " + endpoint.hostPort() + " failed; check that the "
                    + "broker's certificate is signed by the CA given with ?ca=PATH and names the host you connect to.", e);
        }
        if (m.contains("tls required") || m.contains("ssl required") || m.contains("secure connection")) {
            return endpoint.tls()
                    ? new SourceException("The TLS connection to " + endpoint.hostPort() + " failed; check ?ca=PATH.", e)
                    : new SourceException("The broker at " + endpoint.hostPort() + " requires TLS; use "
                    + (endpoint.memphis() ? "memphis+tls://" : "nats+tls://") + " (with ?ca=PATH for a private CA).", e);
        }
        if (endpoint.tls() && (m.contains("unexpected end") || m.contains("handshake"))) {
            return new SourceException("The TLS handshake with " + endpoint.hostPort()
                    + " failed; check that the broker speaks TLS on that port and ?ca=PATH.", e);
        }
        return new SourceException("Cannot reach a broker at " + endpoint.hostPort()
                + "; check the host and port and that the broker is running.", e);
    }

    private static String shortReason(Throwable t) {
        String m = String.valueOf(t.getMessage());
        if (m.contains("PKIX") || m.contains("certification path")) {
            return "the broker's certificate is not signed by a trusted CA";
        }
        if (m.contains("No subject alternative") || m.contains("No name matching")) {
            return "the certificate does not name this host";
        }
        int colon = m.lastIndexOf(": ");
        return colon >= 0 ? m.substring(colon + 2) : m;
    }

    /**
     * jnats logs connection problems by default; we keep them (they explain a failed connect better than
     * the exception it throws) and report them as sentences instead.
     */
    private static final class QuietErrorListener implements ErrorListener {
        private final StringBuffer seen = new StringBuffer();
        private volatile Runnable onAuthorizationViolation = () -> { };

        void onAuthorizationViolation(Runnable action) {
            onAuthorizationViolation = action;
        }

        @Override
        public void errorOccurred(Connection conn, String error) {
            if (seen.length() < 4096) {
                seen.append(' ').append(error);
            }
            if (String.valueOf(error).toLowerCase(java.util.Locale.ROOT).contains("authorization violation")) {
                onAuthorizationViolation.run();
            }
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            for (Throwable t = exp; t != null && seen.length() < 4096; t = t.getCause()) {
                seen.append(' ').append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            }
        }

        String seen() {
            return seen.toString();
        }

        boolean mentions(String text) {
            return seen.toString().toLowerCase(java.util.Locale.ROOT).contains(text);
        }
    }
}
