package io.eventscope.casefile;

import io.eventscope.load.Sources;
import io.eventscope.source.SourceException;
import io.eventscope.source.SourceSpec;
import io.eventscope.source.kafka.KafkaEndpoint;
import io.eventscope.source.nats.NatsEndpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The source a case file or link names. The guard against a tampered one: only what the normal open path
 * reads (a file, the bundled sample, or a nats (JetStream), memphis or kafka URI, all read-only), never with
 * credentials in it; and the writer's side: credentials stripped from what was opened.
 */
public final class CaseSource {
    static final int MAX_LENGTH = 4_096;

    private CaseSource() {
    }

    /** {@code text} if a case may name it, else the sentence why not ({@code what}: "case file", "link"). */
    public static String checked(String text, String what) throws CaseFileException {
        if (text == null || text.isBlank()) {
            throw new CaseFileException("The " + what + " names no source.");
        }
        if (text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw new CaseFileException("The " + what + "'s source is not a path or URI (too long, or holds control "
                    + "characters); it was not opened.");
        }
        if (Sources.BUNDLED_SAMPLE.equals(text)) {
            return text;
        }
        SourceSpec spec;
        try {
            spec = SourceSpec.parse(text);
        } catch (SourceException | RuntimeException e) {
            throw new CaseFileException("The " + what + "'s source " + Escaped.of(SourceSpec.redact(text))
                    + " is not a valid path or URI; it was not opened.");
        }
        if (spec.isFile()) {
            return text;
        }
        if (!NatsEndpoint.handles(spec.scheme()) && !KafkaEndpoint.handles(spec.scheme())) {
            throw new CaseFileException("The " + what + " names a source of kind " + Escaped.of(spec.scheme())
                    + "://, which Eventscope does not read; only files, nats:// (JetStream), memphis:// and kafka:// (and their TLS forms) are opened.");
        }
        if (authority(text)[0] != null) {
            throw new CaseFileException("The " + what + "'s source carries a user name or password; case files and "
                    + "links never do, so it was not opened (the viewer asks for them).");
        }
        return text;
    }

    /** The source as opened, with any user name, password or token removed (they are asked for again). */
    public static String withoutCredentials(String text) {
        String[] parts = authority(text);
        return parts[0] == null ? text : parts[1];
    }

    /** What a case or link records: credentials stripped, a file path made absolute (it is opened elsewhere). */
    public static String forSaving(String text) {
        if (text.contains("://") || Sources.BUNDLED_SAMPLE.equals(text)) {
            return withoutCredentials(text);
        }
        try {
            return java.nio.file.Path.of(text).toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            return text;
        }
    }

    /** The source was opened with a user name, password or token. */
    public static boolean hasCredentials(String text) {
        return authority(text)[0] != null;
    }

    /** {@code text} (without credentials) with the user and password typed on reopening, percent-encoded. */
    public static String withCredentials(String text, String user, String password) {
        boolean noUser = user == null || user.isEmpty();
        boolean noPassword = password == null || password.isEmpty();
        int slashes = text.indexOf("://");
        if (slashes < 0 || noUser && noPassword) {
            return text;
        }
        String info = (noUser ? "" : encode(user)) + (noPassword ? "" : (noUser ? "" : ":") + encode(password));
        return text.substring(0, slashes + 3) + info + "@" + text.substring(slashes + 3);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** [user info or null, text without it]: a URI's authority runs from "://" to the next '/', '?' or '#'. */
    private static String[] authority(String text) {
        int slashes = text.indexOf("://");
        if (slashes < 0) {
            return new String[] {null, text};
        }
        int start = slashes + 3;
        int end = start;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        int at = text.lastIndexOf('@', end - 1);
        if (at < start) {
            return new String[] {null, text};
        }
        return new String[] {text.substring(start, at), text.substring(0, start) + text.substring(at + 1)};
    }
}
