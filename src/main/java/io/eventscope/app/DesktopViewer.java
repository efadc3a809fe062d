package io.eventscope.app;

import io.eventscope.cli.UserError;
import io.eventscope.cli.Viewer;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.ui.ViewerApp;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Connects the {@code view} command to the JavaFX viewer (registered as a {@link Viewer} service). */
public final class DesktopViewer implements Viewer {
    /**
     * JavaFX warns on every start that it runs from the class path rather than as modules, which is how
     * the jar and the installer ship it on purpose; keep the terminal to messages that mean something.
     * (Held in a field: JUL keeps loggers only weakly.)
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    @Override
    public int show(String source, ProjectionSpec spec, io.eventscope.source.LoadWindow window, String password,
                    long budgetBytes) {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        try {
            return ViewerApp.show(source, spec, window, password, budgetBytes);
        } catch (ViewerApp.NoDisplayException e) {
            throw new UserError(e.getMessage());
        }
    }
}
