package io.eventscope.ui;

import io.eventscope.replay.ProjectionSpec;
import io.eventscope.ui.connect.ConnectViewModel;
import io.eventscope.ui.connect.RecentConnections;
import io.eventscope.ui.task.BackgroundTaskRunner;
import io.eventscope.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Starts JavaFX from a plain {@code main} (no Application subclass), shows the main window on a source
 * and blocks until it is closed.
 */
public final class ViewerApp {
    /** Thrown when there is no display to show a window on. */
    public static final class NoDisplayException extends Exception {
        NoDisplayException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ViewerApp() {
    }

    /**
     * Shows the viewer on {@code window} of {@code source}; returns once the window is closed. {@code password}
     * and {@code budgetBytes} serve every load of the window (see {@link io.eventscope.cli.Viewer#show}).
     */
    public static int show(String source, ProjectionSpec spec, io.eventscope.source.LoadWindow window, String password,
                           long budgetBytes) throws NoDisplayException {
        CountDownLatch closed = new CountDownLatch(1);
        BackgroundTaskRunner runner = new BackgroundTaskRunner(3);
        try {
            Platform.setImplicitExit(false);
            Platform.startup(() -> {
                Stage stage = new Stage();
                MainWindow main = build(stage, runner, spec);
                main.model().session().access().setPassword(password);
                main.model().session().access().setMemoryBudgetBytes(budgetBytes);
                stage.setOnHidden(e -> closed.countDown());
                stage.show();
                if (!main.model().cases().openIfCase(source)) {
                    main.model().open(source, window);
                }
            });
        } catch (UnsupportedOperationException | IllegalStateException | UnsatisfiedLinkError noDisplay) {
            runner.close();
            throw new NoDisplayException("The viewer needs a graphical display and none is available (is DISPLAY set?); "
                    + "the command-line tools work without one, see 'eventscope --help'.", noDisplay);
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        runner.close();
        return 0;
    }

    /** Builds the window into {@code stage}; also used by tests and the screenshot tool. */
    public static MainWindow build(Stage stage, TaskRunner runner, ProjectionSpec spec) {
        return build(stage, runner, spec, Path.of(System.getProperty("user.home"), ".eventscope"));
    }

    /**
     * As {@link #build(Stage, TaskRunner, ProjectionSpec)}, keeping recent connections and the pane
     * layout in {@code settings} (never passwords).
     */
    public static MainWindow build(Stage stage, TaskRunner runner, ProjectionSpec spec, Path settings) {
        MainViewModel model = new MainViewModel(runner, spec);
        RecentConnections recent = new RecentConnections(settings.resolve("recent-connections.json"));
        MainWindow window = new MainWindow(model, () -> new ConnectViewModel(runner, spec, recent));
        PaneLayout layout = new PaneLayout(settings.resolve("layout.properties"));
        stage.setOnShown(e -> layout.restoreAll(window.splitPanes()));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        window.themeScene(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(model.session().titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        var icon = ViewerApp.class.getResource("/io/eventscope/assets/icons/eventscope-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        stage.setOnHiding(e -> {
            layout.saveAll(window.splitPanes());
            model.dispose();
        });
        return window;
    }
}
