package io.eventscope.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The host part of a broker URI's authority, as NATS and Kafka clients take it: one or more
 * {@code host[:port]} separated by commas ({@code h1:6666,h2:6666,[::1]:6666}), each given the scheme's
 * default port when it names none. {@link java.net.URI} cannot parse such a list (it keeps it as a raw
 * authority), so every broker endpoint parses it here. User-info is not this class's business: callers
 * pass only what follows the last {@code @}.
 */
public final class HostList {
    /** More would be a typo or an attack, not a cluster. */
    static final int MAX_HOSTS = 64;

    private HostList() {
    }

    /** Whether a raw authority (user-info already removed or not) lists more than one host. */
    public static boolean isList(String rawAuthority) {
        return rawAuthority != null && rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1).contains(",");
    }

    /** The authority after its user-info, or the whole authority when there is none. */
    public static String hostsPart(String rawAuthority) {
        return rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
    }

    /**
     * @param hosts       the authority's host part, without user-info
     * @param defaultPort the scheme's port for hosts that name none
     * @param example     a correct URI to show in the error, e.g. {@code nats://h1:4222,h2:4222/stream}
     * @return each host as {@code host:port}, in the order given
     */
    public static List<String> parse(String hosts, int defaultPort, String example) throws SourceException {
        String[] parts = hosts.split(",", -1);
        if (parts.length > MAX_HOSTS) {
            throw new SourceException("The source lists " + parts.length + " hosts; give at most " + MAX_HOSTS + ".");
        }
        List<String> out = new ArrayList<>(parts.length);
        for (String part : parts) {
            String h = part.trim();
            int colon = h.lastIndexOf(':');
            boolean bracketed = h.startsWith("[");
            String host = colon > 0 && (!bracketed || h.lastIndexOf(']') < colon) ? h.substring(0, colon) : h;
            String portText = host.length() < h.length() ? h.substring(colon + 1) : "";
            int port = defaultPort;
            if (!portText.isEmpty()) {
                port = portText.matches("\\d{1,5}") ? Integer.parseInt(portText) : -1;
            }
            if (host.isEmpty() || port < 1 || port > 65_535 || !validHost(host, bracketed)) {
                throw new SourceException("The host '" + printable(h) + "' is not host[:port]; list hosts as "
                        + example + ".");
            }
            out.add(host + ":" + port);
        }
        return out;
    }

    private static boolean validHost(String host, boolean bracketed) {
        return bracketed ? host.matches("\\[[0-9A-Fa-f:.]+]") : host.matches("[A-Za-z0-9._\\-]+");
    }

    /** A rejected host is echoed, so keep it short and free of control characters. */
    private static String printable(String h) {
        String s = h.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
