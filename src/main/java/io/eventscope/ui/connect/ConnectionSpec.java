package io.eventscope.ui.connect;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A connection as the dialog collects it. {@link #withoutPassword()} is what gets remembered; the
 * password only ever travels inside the URI handed to the source.
 */
public record ConnectionSpec(SourceKind kind, String host, int port, String user, String password, boolean tls,
                             String caFile, String name) {

    public ConnectionSpec withoutPassword() {
        return new ConnectionSpec(kind, host, port, user, null, tls, caFile, name);
    }

    /** The source text for {@code Sources.open}: a path for files, else a URI (with the password if given). */
    public String sourceText() throws URISyntaxException {
        if (kind == SourceKind.FILE) {
            return name.trim();
        }
        String userInfo = blank(user) ? null : user.trim() + (blank(password) ? "" : ":" + password);
        String query = tls && !blank(caFile) ? "ca=" + caFile.trim() : null;
        return new URI(kind.scheme(tls), userInfo, host.trim(), port > 0 ? port : kind.defaultPort(),
                "/" + name.trim(), query, null).toString();
    }

    /** A one-line description safe to show in the recent list (no password). */
    public String label() {
        if (kind == SourceKind.FILE) {
            return name;
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
