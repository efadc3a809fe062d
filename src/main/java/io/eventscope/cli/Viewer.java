package io.eventscope.cli;

import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.LoadWindow;

/**
 * The desktop viewer as the command line sees it. The implementation lives in the UI layer and is found
 * through {@link java.util.ServiceLoader}, so this package never touches JavaFX.
 */
public interface Viewer {
    /**
     * Opens the window on {@code window} of {@code source} ({@link LoadWindow#ALL}: all of it) and returns
     * the exit code once it is closed. {@code password} (may be null) serves every source opened in the window
     * whose text carries none; loads stop at {@code budgetBytes} (≤ 0: the default share of the heap).
     */
    int show(String source, ProjectionSpec spec, LoadWindow window, String password, long budgetBytes);
}
