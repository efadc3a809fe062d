package io.eventscope.casefile;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code eventscope://open?source=<URI without credentials, URL-encoded>&position=N}: one moment of a source,
 * short enough for a ticket. Parsed as strictly as a case file: exactly those two parameters, once each.
 */
public record CaseLink(String source, int position) {
    public static final String PREFIX = "eventscope://open?";
    static final int MAX_LENGTH = 8_192;

    public static boolean looksLikeOne(String text) {
        return text != null && text.regionMatches(true, 0, "eventscope:", 0, "eventscope:".length());
    }

    /** The link for {@code source} (credentials removed) at {@code position}. */
    public static String format(String source, int position) {
        return PREFIX + "source=" + URLEncoder.encode(CaseSource.forSaving(source), StandardCharsets.UTF_8)
                + "&position=" + Math.max(0, position);
    }

    public static CaseLink parse(String text) throws CaseFileException {
        if (text == null || text.length() > MAX_LENGTH || !text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new CaseFileException("This is not an Eventscope link; links look like "
                    + "eventscope://open?source=…&position=N.");
        }
        String source = null;
        String position = null;
        for (String pair : text.substring(PREFIX.length()).split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            if (key.equals("source") && source == null) {
                source = value;
            } else if (key.equals("position") && position == null) {
                position = value;
            } else {
                throw new CaseFileException("The link has an unknown or repeated part \"" + Escaped.of(
                        key.length() > 40 ? key.substring(0, 40) + "…" : key) + "\"; links carry only source and position.");
            }
        }
        if (position == null || !position.matches("[0-9]{1,10}") || Long.parseLong(position) > Integer.MAX_VALUE) {
            throw new CaseFileException("The link's position must be a whole number from 0 to " + Integer.MAX_VALUE + ".");
        }
        return new CaseLink(CaseSource.checked(source, "link"), Integer.parseInt(position));
    }

    private static String decode(String raw) throws CaseFileException {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CaseFileException("The link is garbled (a broken %-escape); copy it again from where it came from.");
        }
    }
}
