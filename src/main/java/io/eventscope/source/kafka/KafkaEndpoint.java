package io.eventscope.source.kafka;

import io.eventscope.source.HostList;
import io.eventscope.source.SourceException;
import io.eventscope.source.SourceSpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where and how to reach a Kafka topic, parsed from {@code kafka://[user[:password]@]host[:port][,host2[:port]…]/topic}
 * or {@code kafka+ssl://…}, with the options {@code ca=PATH} (PEM), {@code sasl=PLAIN|SCRAM-SHA-256|SCRAM-SHA-512}
 * and {@code aborted=show}. The password is held only here and never appears in {@link #displayName()}.
 *
 * @param hosts       bootstrap servers as host:port
 * @param mechanism   the SASL mechanism, or null without a user
 * @param showAborted read uncommitted records too and flag the ones of aborted transactions
 */
public record KafkaEndpoint(boolean ssl, List<String> hosts, String topic, String user, String password,
                            String mechanism, Path ca, boolean showAborted) {
    public static final int DEFAULT_PORT = 9092;
    public static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    public KafkaEndpoint {
        hosts = List.copyOf(hosts);
    }

    public static boolean handles(String scheme) {
        return scheme.equals("kafka") || scheme.equals("kafka+ssl");
    }

    /** @param fallbackPassword from {@code --password-file} or {@code EVENTSCOPE_PASSWORD}; may be null */
    public static KafkaEndpoint parse(SourceSpec spec, String fallbackPassword) throws SourceException {
        URI uri = spec.uri();
        boolean ssl = spec.scheme().equals("kafka+ssl");
        String authority = uri.getRawAuthority();
        List<String> hosts = HostList.parse(authority, DEFAULT_PORT, spec.scheme() + "://host1:9092,host2:9092/topic");
        String path = uri.getRawPath() == null ? "" : decode(uri.getRawPath());
        String topic = path.startsWith("/") ? path.substring(1) : path;
        if (!validTopic(topic)) {
            throw new SourceException("The source " + spec.scheme() + "://" + String.join(",", hosts) + "/" + topic
                    + " names no valid topic; use " + spec.scheme() + "://host:9092/topic (letters, digits, '.', '_', '-').");
        }
        String user = spec.userInfo().user();
        String password = spec.userInfo().password();
        if (password == null || password.isEmpty()) {
            password = fallbackPassword;
        }
        String mechanism = null;
        Path ca = null;
        boolean showAborted = false;
        String query = uri.getRawQuery();
        for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "ca" -> ca = Path.of(value);
                case "sasl" -> mechanism = mechanism(value);
                case "aborted" -> {
                    if (!value.equalsIgnoreCase("show") && !value.equalsIgnoreCase("hide")) {
                        throw new SourceException("The option aborted=" + value + " is not known; use aborted=show "
                                + "to see records of aborted transactions flagged.");
                    }
                    showAborted = value.equalsIgnoreCase("show");
                }
                default -> throw new SourceException("The URI option '" + key + "' is not known; the options are "
                        + "ca=PATH (PEM), sasl=PLAIN|SCRAM-SHA-256|SCRAM-SHA-512 and aborted=show.");
            }
        }
        if (ca != null) {
            if (!ssl) {
                throw new SourceException("ca=" + ca + " only applies to TLS; use kafka+ssl:// to connect with TLS.");
            }
            if (!Files.isReadable(ca)) {
                throw new SourceException("The CA file " + ca + " cannot be read; give a readable PEM file.");
            }
        }
        if (mechanism != null && user == null) {
            throw new SourceException("sasl=" + mechanism + " needs a user; use kafka://user@host/topic?sasl="
                    + mechanism + " with the password in --password-file or EVENTSCOPE_PASSWORD.");
        }
        if (user != null) {
            mechanism = mechanism == null ? "PLAIN" : mechanism;
            if (password == null || password.isEmpty()) {
                throw new SourceException("The Kafka user in the URI needs a password; give it in the URI, with "
                        + "--password-file, or in EVENTSCOPE_PASSWORD.");
            }
            if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
                // The client's JAAS text cannot carry a line break, and its parse error would quote the password.
                throw new SourceException("The password of Kafka user " + user + " contains a line break, which "
                        + "SASL login options cannot carry; check the password.");
            }
        }
        return new KafkaEndpoint(ssl, hosts, topic, user, password, mechanism, ca, showAborted);
    }

    private static String mechanism(String value) throws SourceException {
        String m = value.toUpperCase(Locale.ROOT);
        if (!MECHANISMS.contains(m)) {
            throw new SourceException("The SASL mechanism " + value + " is not supported; use sasl=PLAIN, "
                    + "sasl=SCRAM-SHA-256 or sasl=SCRAM-SHA-512.");
        }
        return m;
    }

    /** Kafka's own rule for topic names. */
    static boolean validTopic(String topic) {
        return !topic.isEmpty() && topic.length() <= 249 && !topic.equals(".") && !topic.equals("..")
                && topic.matches("[A-Za-z0-9._\\-]+");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String bootstrap() {
        return String.join(",", hosts);
    }

    /** Safe to show: no password. */
    public String displayName() {
        String who = user == null ? "" : user + "@";
        return (ssl ? "kafka+ssl" : "kafka") + "://" + who + bootstrap() + "/" + topic;
    }

    public KafkaEndpoint withTopic(String newTopic) {
        return new KafkaEndpoint(ssl, hosts, newTopic, user, password, mechanism, ca, showAborted);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
