package io.eventscope.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the user typed to name a source: a file path, or a URI such as
 * {@code memphis://user@host:6666/station}. Parsing only; opening is {@code load.Sources}' job.
 * The URI's user-info is split off into {@link #userInfo()} for every scheme ({@link UserInfo}), so
 * {@link #uri()} holds none and no message built from it can quote a secret.
 */
public record SourceSpec(String scheme, Path file, URI uri, UserInfo userInfo) {

    public SourceSpec(String scheme, Path file, URI uri) {
        this(scheme, file, uri, UserInfo.NONE);
    }

    @Override
    public String toString() {
        return isFile() ? file.toString() : uri.toString();
    }

    public boolean isFile() {
        return file != null;
    }

    public static SourceSpec parse(String text) throws SourceException {
        if (text == null || text.isBlank()) {
            throw new SourceException("No source given: name a .jsonl file or a URI like nats://host:4222/stream.");
        }
        int colon = text.indexOf("://");
        if (colon < 0) {
            return new SourceSpec("file", Path.of(text), null);
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            try {
                return new SourceSpec("file", Path.of(new URI(text)), null);
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new SourceException("The file URI " + text + " is not valid; give a plain path instead.");
            }
        }
        String[] split = UserInfo.split(text.substring(colon + 3));
        UserInfo userInfo = UserInfo.parse(split[0]);
        String shown = scheme + "://" + (split[0] == null ? "" : "***@") + split[1];
        try {
            URI uri = new URI(scheme + "://" + split[1]);
            // kafka://h1:9092,h2:9092/topic and nats://h1,h2/stream list several hosts, which java.net.URI keeps
            // as a raw authority; the endpoint parses them (HostList).
            boolean hostList = uri.getRawAuthority() != null
                    && (scheme.startsWith("kafka") || HostList.isList(uri.getRawAuthority()));
            if (uri.getHost() == null && !hostList) {
                throw new SourceException("The source " + shown + " names no host; use "
                        + scheme + "://host:port/name.");
            }
            return new SourceSpec(scheme, null, uri, userInfo);
        } catch (URISyntaxException e) {
            // The reason names no input text (getReason, not getMessage), which held no user-info anyway.
            throw new SourceException("The source " + shown + " is not a valid URI (" + e.getReason()
                    + "); use e.g. nats://host:4222/stream.");
        }
    }

    /**
     * The text with its whole user-info replaced by {@code ***}, safe to print: a password may hold
     * {@code /}, {@code @} or {@code :}, and a user slot may hold a token, so no part of it is shown.
     */
    public static String redact(String text) {
        int colon = text == null ? -1 : text.indexOf("://");
        if (colon < 0) {
            return text;
        }
        String[] split = UserInfo.split(text.substring(colon + 3));
        return split[0] == null ? text : text.substring(0, colon + 3) + "***@" + split[1];
    }
}
