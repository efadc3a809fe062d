package io.eventscope.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The user and password of a source URI ({@code scheme://user:password@host/name}), split off before
 * java.net.URI sees the rest, so a password may hold any character: {@code /}, {@code @} and {@code :}
 * as they are (the last {@code @} before any {@code ?} ends the user-info) or percent-encoded
 * ({@code %2F}, {@code %40}, {@code %3A}, {@code %25}). Never printed: {@link #toString()} says so.
 *
 * @param user     decoded user (or token), null when the URI names none
 * @param password decoded password, null when the URI carries none
 */
public record UserInfo(String user, String password) {
    static final UserInfo NONE = new UserInfo(null, null);

    /** Splits {@code authorityAndRest} (what follows "://") into its user-info and the rest; [userInfo, rest]. */
    static String[] split(String authorityAndRest) {
        int query = authorityAndRest.indexOf('?');
        int at = authorityAndRest.lastIndexOf('@', query < 0 ? authorityAndRest.length() - 1 : query - 1);
        if (at < 0) {
            return new String[] {null, authorityAndRest};
        }
        return new String[] {authorityAndRest.substring(0, at), authorityAndRest.substring(at + 1)};
    }

    /** The user-info text as typed: the user up to the first ':', the password after it, both percent-decoded. */
    static UserInfo parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        int colon = raw.indexOf(':');
        return new UserInfo(decode(colon < 0 ? raw : raw.substring(0, colon)),
                colon < 0 ? null : decode(raw.substring(colon + 1)));
    }

    /**
     * Percent-decoding as RFC 3986 has it (UTF-8; '+' stays '+'). A '%' not followed by two hex digits is
     * kept as it is rather than refused: the error would have to quote the secret.
     */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = c == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return user == null ? "no user" : "a user" + (password == null ? "" : " and a password");
    }
}
