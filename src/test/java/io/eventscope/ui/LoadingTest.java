package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.demo.DemoLog;
import io.eventscope.load.Sources;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Loading can be cancelled keeping what was read; a source that cannot be opened costs nothing. */
@ExtendWith(ApplicationExtension.class)
class LoadingTest {
    private FxHarness ui;

    @Start
    void start(Stage stage) {
        ui = new FxHarness(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void cancellingALoadKeepsTheEventsReadSoFar(@TempDir Path dir, FxRobot robot) throws Exception {
        Path big = dir.resolve("big.jsonl");
        int events = 1_500_000;
        try (Writer out = Files.newBufferedWriter(big)) {
            new DemoLog(events, 500, 3).write(out);
        }
        FxHarness.onFx(() -> ui.window.open(big.toString()));
        waitUntil("some events to arrive", 60, () -> ui.model.session().size() > 0);
        // The status bar's progress shows while the load runs.
        assertThat(fx(() -> robot.lookup("#statusBar .progress-bar").query().isVisible())).isTrue();
        robot.clickOn("#cancelLoad");
        ui.settle();
        int kept = fx(() -> ui.model.session().size());
        assertThat(kept).isBetween(1, events - 1);
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo(kept);
        assertThat(fx(() -> ui.model.session().statusProperty().get())).contains("load cancelled");
        assertThat(fx(() -> ui.model.session().errorProperty().get())).isNull();
        // What was kept replays like any loaded timeline: the cursor sits at its end.
        assertThat(fx(() -> ui.model.state().shownPositionProperty().get())).isEqualTo(kept);
    }

    @Test
    void aSourceThatCannotBeOpenedSaysSoInOneSentenceAndKeepsTheCurrentOne(@TempDir Path dir) {
        ui.open(Sources.BUNDLED_SAMPLE);
        ui.settle();
        int before = fx(() -> ui.model.session().size());
        Path missing = dir.resolve("nope.jsonl");
        FxHarness.onFx(() -> ui.window.open(missing.toString()));
        waitUntil("the error to show", 20, () -> ui.model.session().errorProperty().get() != null
                && !ui.model.session().loadingProperty().get());
        String message = fx(() -> ((Label) ui.window.lookup("#errorMessage")).getText());
        assertThat(message).contains(missing.toString()).doesNotContain("Exception").doesNotContain("\n\tat ");
        assertThat(message.split("\\. ")).hasSize(1);
        assertThat(fx(() -> ui.window.lookup("#errorMessage").getParent().isVisible())).isTrue();
        assertThat(fx(() -> ui.model.session().size())).isEqualTo(before);
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo(before);
        assertThat(fx(() -> ui.model.session().titleProperty().get())).contains("bank-demo");
    }
}
