package io.eventscope.source.nats;

import io.eventscope.source.HostList;
import io.eventscope.source.SourceException;
import io.eventscope.source.SourceSpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how to connect to a NATS-based broker, parsed from {@code memphis://}, {@code nats://} and
 * their {@code +tls} forms: host, port, the station or stream name, credentials and TLS trust.
 * The password is held only here and never appears in {@link #displayName()} or {@link #toString()}.
 *
 * @param memphis  true for a Memphis station (user {@code name$1}, station name normalised), false for a raw stream
 * @param tls      connect with TLS
 * @param hosts    the servers as {@code host:port}, in the order given (a cluster's seeds; jnats tries them in turn)
 * @param ca       PEM file of the certificate authority to trust, or null for the JVM's default trust
 * @param token    authenticate with a token instead of user/password
 */
public record NatsEndpoint(boolean memphis, boolean tls, List<String> hosts, String name, String user,
                           String password, boolean token, Path ca) {

    public static final int MEMPHIS_PORT = 6666;
    public static final int NATS_PORT = 4222;

    public NatsEndpoint {
        hosts = List.copyOf(hosts);
    }

    public static boolean handles(String scheme) {
        return switch (scheme) {
            case "memphis", "memphis+tls", "nats", "nats+tls", "tls" -> true;
            default -> false;
        };
    }

    /**
     * @param fallbackPassword the password from {@code --password-file} or {@code EVENTSCOPE_PASSWORD},
     *                         used when the URI carries none (may be null)
     */
    public static NatsEndpoint parse(SourceSpec spec, String fallbackPassword) throws SourceException {
        String scheme = spec.scheme();
        boolean memphis = scheme.startsWith("memphis");
        boolean tls = scheme.endsWith("+tls") || scheme.equals("tls");
        URI uri = spec.uri();
        String kind = memphis ? "station" : "stream";
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (uri.getFragment() != null) {
            path = path + "#" + uri.getFragment(); // Memphis internal names contain '#'
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        int defaultPort = memphis ? MEMPHIS_PORT : NATS_PORT;
        List<String> hosts = HostList.parse(HostList.hostsPart(uri.getRawAuthority()), defaultPort,
                scheme + "://h1:" + defaultPort + ",h2:" + defaultPort + "/" + kind);
        if (name.isEmpty() || name.contains("/")) {
            // no user info in the message: a bare nats://TOKEN@host carries a secret without a colon
            throw new SourceException("The source " + scheme + "://" + String.join(",", hosts) + "/" + name
                    + " names no " + kind + "; use " + scheme + "://host:port/" + kind + ".");
        }
        String user = spec.userInfo().user();
        String password = spec.userInfo().password();
        if (password == null || password.isEmpty()) {
            password = fallbackPassword;
        }
        Map<String, String> query = query(uri.getRawQuery());
        Path ca = null;
        boolean token = false;
        for (Map.Entry<String, String> q : query.entrySet()) {
            switch (q.getKey()) {
                case "ca" -> ca = Path.of(q.getValue());
                case "auth" -> {
                    if (!q.getValue().equalsIgnoreCase("token") && !q.getValue().equalsIgnoreCase("password")) {
                        throw new SourceException("The option auth=" + q.getValue()
                                + " is not known; use auth=token or auth=password.");
                    }
                    token = q.getValue().equalsIgnoreCase("token");
                }
                default -> throw new SourceException("The URI option '" + q.getKey()
                        + "' is not known; the options are ca=PATH (PEM) and auth=token.");
            }
        }
        if (ca != null) {
            if (!tls) {
                throw new SourceException("ca=" + ca + " only applies to TLS; use " + scheme
                        + "+tls:// to connect with TLS.");
            }
            if (!Files.isReadable(ca)) {
                throw new SourceException("The CA file " + ca + " cannot be read; give a readable PEM file.");
            }
        }
        if (!memphis && user != null && password == null && !token) {
            token = true; // nats://TOKEN@host is the NATS convention for a token
            password = user;
            user = null;
        }
        if (token && (password == null || password.isEmpty())) {
            throw new SourceException("Token authentication needs a token; put it in the URI, in --password-file "
                    + "or in EVENTSCOPE_PASSWORD.");
        }
        if (memphis && user != null && password == null) {
            throw new SourceException("The Memphis user in the URI needs a password; give it in the URI, with "
                    + "--password-file, or in EVENTSCOPE_PASSWORD.");
        }
        return new NatsEndpoint(memphis, tls, hosts, name, user, password, token, ca);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            out.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The first host's name (the one tried first). */
    public String host() {
        String first = hosts.get(0);
        return first.substring(0, first.lastIndexOf(':'));
    }

    /** The first host's port. */
    public int port() {
        String first = hosts.get(0);
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    /** Every host as {@code host:port}, comma-separated: what messages name. */
    public String hostPort() {
        return String.join(",", hosts);
    }

    /** The server URLs jnats connects to (TLS is switched on by the SSL context, not the scheme). */
    public String[] serverUrls() {
        return hosts.stream().map(h -> (tls ? "tls://" : "nats://") + h).toArray(String[]::new);
    }

    /** Safe to show: no password, no token. */
    public String displayName() {
        String scheme = (memphis ? "memphis" : "nats") + (tls ? "+tls" : "");
        String who = user == null || token ? "" : user + "@";
        return scheme + "://" + who + hostPort() + "/" + name;
    }

    public NatsEndpoint withName(String newName) {
        return new NatsEndpoint(memphis, tls, hosts, newName, user, password, token, ca);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
