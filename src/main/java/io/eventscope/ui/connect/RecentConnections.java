package io.eventscope.ui.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last connections used, newest first, kept in a small JSON file. Passwords are stripped before
 * anything is written.
 */
public final class RecentConnections {
    static final int MAX = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public RecentConnections(Path file) {
        this.file = file;
    }

    public List<ConnectionSpec> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<ConnectionSpec>>() { });
        } catch (IOException unreadable) {
            return List.of(); // a damaged list is not worth an error; it is rewritten on the next connect
        }
    }

    /** Puts {@code spec} (without its password) first; returns false when the list could not be saved. */
    public boolean remember(ConnectionSpec spec) {
        ConnectionSpec safe = spec.withoutPassword();
        List<ConnectionSpec> list = new ArrayList<>(load());
        list.removeIf(c -> c.label().equals(safe.label()));
        list.add(0, safe);
        while (list.size() > MAX) {
            list.remove(list.size() - 1);
        }
        try {
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), list);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
