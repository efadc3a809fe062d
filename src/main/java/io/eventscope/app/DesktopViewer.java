package io.eventscope.app;

import io.eventscope.cli.UserError;
import io.eventscope.cli.Viewer;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.ui.ViewerApp;

/** Connects the {@code view} command to the JavaFX viewer (registered as a {@link Viewer} service). */
public final class DesktopViewer implements Viewer {
    @Override
    public int show(String source, ProjectionSpec spec) {
        try {
            return ViewerApp.show(source, spec);
        } catch (ViewerApp.NoDisplayException e) {
            throw new UserError(e.getMessage());
        }
    }
}
