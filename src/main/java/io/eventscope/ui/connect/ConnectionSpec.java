package io.eventscope.ui.connect;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A connection as the dialog collects it. {@link #withoutPassword()} is what gets remembered; the
 * password only ever travels inside the URI handed to the source. For Kafka, {@code host} may list
 * several brokers ({@code h1,h2:9093}; the port field applies to those without one) and {@code mechanism}
 * is the SASL mechanism used with a user (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512).
 */
public record ConnectionSpec(SourceKind kind, String host, int port, String user, String password, boolean tls,
                             String caFile, String name, String mechanism) {

    public ConnectionSpec(SourceKind kind, String host, int port, String user, String password, boolean tls,
                          String caFile, String name) {
        this(kind, host, port, user, password, tls, caFile, name, null);
    }

    public ConnectionSpec withoutPassword() {
        return new ConnectionSpec(kind, host, port, user, null, tls, caFile, name, mechanism);
    }

    /** The source text for {@code Sources.open}: a path for files, else a URI (with the password if given). */
    public String sourceText() throws URISyntaxException {
        if (kind == SourceKind.FILE) {
            return name.trim();
        }
        String userInfo = blank(user) ? null : user.trim() + (blank(password) ? "" : ":" + password);
        String query = tls && !blank(caFile) ? "ca=" + caFile.trim() : null;
        if (kind == SourceKind.KAFKA) {
            return kafkaText(userInfo, query);
        }
        return new URI(kind.scheme(tls), userInfo, host.trim(), port > 0 ? port : kind.defaultPort(),
                "/" + name.trim(), query, null).toString();
    }

    /** A list of hosts is no URI host: quote the rest with a placeholder host, then put the list in its place. */
    private String kafkaText(String userInfo, String ca) throws URISyntaxException {
        String sasl = blank(user) || blank(mechanism) ? null : "sasl=" + mechanism.trim();
        String query = ca == null ? sasl : sasl == null ? ca : ca + "&" + sasl;
        String placeholder = "eventscope-hosts.invalid";
        String text = new URI(kind.scheme(tls), userInfo, placeholder, -1, "/" + name.trim(), query, null).toString();
        return text.replace(placeholder, hostList());
    }

    private String hostList() throws URISyntaxException {
        StringBuilder out = new StringBuilder();
        for (String h : host.split(",")) {
            String one = h.trim();
            if (one.isEmpty() || !one.matches("[A-Za-z0-9._\\-]+(:[0-9]{1,5})?")) {
                throw new URISyntaxException(host, "not a list of host[:port]");
            }
            out.append(out.length() == 0 ? "" : ",").append(one)
                    .append(one.contains(":") ? "" : ":" + (port > 0 ? port : kind.defaultPort()));
        }
        return out.toString();
    }

    /** The record's own text would hold the password; a log line or an exception may print this one. */
    @Override
    public String toString() {
        return "ConnectionSpec[" + label() + (blank(password) ? "" : ", password given") + "]";
    }

    /** A one-line description safe to show in the recent list (no password). */
    public String label() {
        if (kind == SourceKind.FILE) {
            return name;
        }
        if (kind == SourceKind.KAFKA) {
            String hosts;
            try {
                hosts = hostList();
            } catch (URISyntaxException e) {
                hosts = host;
            }
            return kind.scheme(tls) + "://" + (blank(user) ? "" : user + "@") + hosts + "/" + name;
        }
        return kind.scheme(tls) + "://" + (blank(user) ? "" : user + "@") + host + ":"
                + (port > 0 ? port : kind.defaultPort()) + "/" + name;
    }

    /** The first thing missing for a usable connection, as a sentence, or null when complete. */
    public String problem() {
        if (blank(name)) {
            return "Name the " + kind.nameLabel().toLowerCase(java.util.Locale.ROOT) + " to open.";
        }
        if (kind.remote() && blank(host)) {
            return "Enter the host name of the broker.";
        }
        if (port < 0 || port > 65535) {
            return "The port must be between 1 and 65535.";
        }
        return null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
