package io.eventscope.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the user typed to name a source: a file path, or a URI such as
 * {@code memphis://user@host:6666/station}. Parsing only; opening is {@code load.Sources}' job.
 */
public record SourceSpec(String scheme, Path file, URI uri) {

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
        try {
            URI uri = new URI(text);
            // kafka://h1:9092,h2:9092/topic and nats://h1,h2/stream list several hosts, which java.net.URI keeps
            // as a raw authority; the endpoint parses them (HostList).
            boolean hostList = uri.getRawAuthority() != null && (scheme.startsWith("kafka") || HostList.isList(uri.getRawAuthority()));
            if (uri.getHost() == null && !hostList) {
                throw new SourceException("The source " + redact(text) + " names no host; use "
                        + scheme + "://host:port/name.");
            }
            return new SourceSpec(scheme, null, uri);
        } catch (URISyntaxException e) {
            throw new SourceException("The source " + redact(text) + " is not a valid URI (" + e.getReason()
                    + "); use e.g. nats://host:4222/stream.");
        }
    }

    /** The text with any password replaced, safe to print. */
    public static String redact(String text) {
        String out = text.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@");
        // nats://TOKEN@host and ...?auth=token carry a secret where a user name would be.
        boolean tokenInUser = out.matches("(?i)^nats(\\+tls)?://[^:/@]+@.*") || out.matches("(?i).*[?&]auth=token.*");
        return tokenInUser ? out.replaceAll("://[^/@]*@", "://***@") : out;
    }
}
