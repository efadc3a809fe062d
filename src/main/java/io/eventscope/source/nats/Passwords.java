package io.eventscope.source.nats;

import io.eventscope.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where a password comes from when the URI carries none: {@code --password-file}, then {@code EVENTSCOPE_PASSWORD}. */
public final class Passwords {
    public static final String ENVIRONMENT_VARIABLE = "EVENTSCOPE_PASSWORD";

    private Passwords() {
    }

    /** The password, or null when neither the file nor the environment gives one. */
    public static String resolve(Path passwordFile, Map<String, String> environment) throws SourceException {
        if (passwordFile != null) {
            try {
                String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                String first = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
                if (first.isEmpty()) {
                    throw new SourceException("The password file " + passwordFile + " is empty; put the password "
                            + "on its first line.");
                }
                return first;
            } catch (IOException e) {
                throw new SourceException("The password file " + passwordFile + " cannot be read; check the path "
                        + "and its permissions.");
            }
        }
        String env = environment.get(ENVIRONMENT_VARIABLE);
        return env == null || env.isEmpty() ? null : env;
    }
}
