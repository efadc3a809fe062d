package io.eventscope.ui;

import static org.assertj.core.api.Assertions.fail;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.ui.task.BackgroundTaskRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real main window for TestFX tests and reads its state on the FX thread. */
final class FxHarness {
    final BackgroundTaskRunner runner = new BackgroundTaskRunner(3);
    final MainWindow window;
    final MainViewModel model;

    FxHarness(Stage stage) {
        this(stage, settingsInTemp());
    }

    FxHarness(Stage stage, java.nio.file.Path settings) {
        window = ViewerApp.build(stage, runner, ProjectionSpecReader.banking(), settings);
        model = window.model();
        stage.show();
    }

    /** Tests never touch the user's own settings (recent connections, layout). */
    static java.nio.file.Path settingsInTemp() {
        try {
            return java.nio.file.Files.createTempDirectory("eventscope-settings-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code read} on the FX thread and returns its value. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void onFx(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    static void waitUntil(String what, int seconds, Callable<Boolean> condition) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (fx(condition)) {
                return;
            }
            sleep(40);
        }
        fail("Timed out after " + seconds + " s waiting for: " + what);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void open(String source) {
        onFx(() -> window.open(source));
        waitUntil("the source to open", 20, () -> model.session().session() != null);
    }

    /** Waits until loading ended and every view shows the cursor's position. */
    void settle() {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!fx(this::settled)) {
            if (System.nanoTime() > end) {
                fail("Views did not settle: " + fx(this::describe));
            }
            sleep(40);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    boolean settled() {
        var s = model.session();
        var detail = model.detail().detailProperty().get();
        int cursor = model.replay().cursor();
        return s.session() != null && !s.loadingProperty().get() && !model.sizeCheck().checkingProperty().get()
                && s.size() == s.session().timeline().size()
                && model.state().shownPositionProperty().get() == cursor
                && model.table().upToDate() && model.chart().upToDate()
                && (cursor == 0 ? detail == null : detail != null && detail.position() == cursor);
    }

    String describe() {
        var s = model.session();
        var detail = model.detail().detailProperty().get();
        return "loading=" + s.loadingProperty().get() + " size=" + s.size() + " cursor=" + model.replay().cursor()
                + " state=" + model.state().shownPositionProperty().get() + " tableUpToDate=" + model.table().upToDate()
                + " chartUpToDate=" + model.chart().upToDate() + " detail=" + (detail == null ? null : detail.position())
                + " error=" + s.errorProperty().get();
    }

    void close() {
        onFx(model::dispose); // before the runner closes: disposing hands the session's close to the runner
        runner.close();
    }
}
