package io.eventscope.source.kafka;

import io.eventscope.source.SourceException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/** Turns what the Kafka client throws into one sentence a user can act on (never a password). */
final class KafkaErrors {
    private KafkaErrors() {
    }

    static SourceException translate(KafkaEndpoint endpoint, Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof KafkaException && t.getCause() instanceof java.io.IOException)
                && (t instanceof java.util.concurrent.ExecutionException || t.getCause() instanceof KafkaException)) {
            t = t.getCause();
        }
        String hosts = endpoint.bootstrap();
        String message;
        if (t instanceof UnsupportedSaslMechanismException) {
            message = "The broker at " + hosts + " does not accept SASL mechanism " + endpoint.mechanism()
                    + "; ask its administrator which one it uses (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512) and set sasl=.";
        } else if (t instanceof SaslAuthenticationException) {
            message = "The broker at " + hosts + " refused user " + endpoint.user() + " (" + endpoint.mechanism()
                    + "); check the user name and password.";
        } else if (t instanceof SslAuthenticationException) {
            message = "The TLS handshake with " + hosts + " failed; check that the broker speaks TLS on that port "
                    + "and give its CA certificate with ?ca=PATH.";
        } else if (t instanceof AuthenticationException) {
            message = "The broker at " + hosts + " refused the connection (" + endpoint.mechanism()
                    + "); check the credentials and whether it expects TLS (kafka+ssl://) or SASL (user@host).";
        } else if (t instanceof AuthorizationException) {
            message = (endpoint.user() == null ? "This client" : "User " + endpoint.user())
                    + " may not read topic " + endpoint.topic() + " at " + hosts + "; ask for read and describe rights.";
        } else if (t instanceof TimeoutException) {
            message = "No Kafka broker answered at " + hosts + " within " + KafkaClients.REQUEST_MILLIS / 1000
                    + " s; check the host and port, that the broker runs, and whether it needs TLS (kafka+ssl://) or SASL.";
        } else if (t instanceof ConfigException) {
            message = "The Kafka host " + hosts + " cannot be resolved or used; check the host names.";
        } else if (t instanceof InterruptException || t instanceof InterruptedException) {
            message = "Reading " + endpoint.displayName() + " was interrupted; the events read so far are kept.";
        } else {
            message = "The Kafka client failed talking to " + hosts + " (" + oneLine(t, endpoint.password()) + "); check the broker and try again.";
        }
        return new SourceException(message, e);
    }

    private static String oneLine(Throwable t, String password) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (password != null && !password.isEmpty()) {
            m = m.replace(password, "***");
        }
        m = m.replaceAll("[\\r\\n]+", " ");
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}
