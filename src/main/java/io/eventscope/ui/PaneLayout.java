package io.eventscope.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.scene.control.SplitPane;

/**
 * Remembers where the user left the split-pane dividers (DESIGN §8), in a small properties file. A file
 * that cannot be read or written only means the default layout; it is never an error.
 */
public final class PaneLayout {
    private final Path file;
    private final Properties values = new Properties();

    public PaneLayout(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                values.clear();
            }
        }
    }

    /** Puts {@code pane}'s dividers where they were last time (else leaves its defaults). */
    public void restore(String name, SplitPane pane) {
        double[] positions = pane.getDividerPositions();
        for (int i = 0; i < positions.length; i++) {
            String v = values.getProperty(name + "." + i);
            if (v != null) {
                try {
                    double p = Double.parseDouble(v);
                    if (p > 0.05 && p < 0.95) {
                        pane.setDividerPosition(i, p);
                    }
                } catch (NumberFormatException ignored) {
                    // a hand-edited value: keep the default
                }
            }
        }
    }

    /** Restores every pane in {@code panes} by its name. */
    public void restoreAll(java.util.Map<String, SplitPane> panes) {
        panes.forEach(this::restore);
    }

    /** Notes every pane's dividers and saves them; returns false when they could not be saved. */
    public boolean saveAll(java.util.Map<String, SplitPane> panes) {
        panes.forEach(this::remember);
        return save();
    }

    /** Notes {@code pane}'s current dividers. */
    public void remember(String name, SplitPane pane) {
        double[] positions = pane.getDividerPositions();
        for (int i = 0; i < positions.length; i++) {
            values.setProperty(name + "." + i, String.format(java.util.Locale.ROOT, "%.4f", positions[i]));
        }
    }

    /** Writes what was noted; returns false when it could not be saved. */
    public boolean save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                values.store(out, "Eventscope window layout");
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
