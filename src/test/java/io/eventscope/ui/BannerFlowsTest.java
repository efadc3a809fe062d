package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.audit.FindingKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The completeness banner: shown when the load is not the whole truth, and its buttons move the cursor. */
@ExtendWith(ApplicationExtension.class)
class BannerFlowsTest {
    @TempDir
    Path dir;
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
    void theBannerJumpsToTheFirstEventWhoseTimeGoesBackwards(FxRobot robot) throws Exception {
        Path log = Files.write(dir.resolve("clocks.jsonl"), List.of(
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"1\",\"timestamp\":\"2024-03-01T10:00:00Z\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"1\",\"timestamp\":\"2024-03-01T10:05:00Z\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"1\",\"timestamp\":\"2024-03-01T10:06:00Z\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"1\",\"timestamp\":\"2024-03-01T10:01:00Z\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"1\",\"timestamp\":\"2024-03-01T10:07:00Z\"}"));
        ui.open(log.toString());
        ui.settle();
        waitUntil("the banner", 10, () -> fx(() -> ui.window.lookup("#completenessBanner").isVisible()));
        assertThat(fx(() -> ui.model.findings().bannerGroups().stream().map(g -> g.kind()).toList()))
                .containsExactly(FindingKind.TIME_BACKWARDS);
        String id = "#banner-" + FindingKind.TIME_BACKWARDS.name().toLowerCase(java.util.Locale.ROOT);
        assertThat(fx(() -> ((Button) ui.window.lookup(id)).getText())).contains(": 1").contains("#4");
        robot.clickOn(id);
        waitUntil("the cursor on position 4", 10, () -> fx(() -> ui.model.replay().cursor()) == 4);
    }

    @Test
    void aCleanFileHasNoBanner() throws Exception {
        ui.open(Files.write(dir.resolve("clean.jsonl"), List.of(
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"1\"}")).toString());
        ui.settle();
        waitUntil("the audit", 10, () -> !fx(() -> ui.model.findings().summaryProperty().get()).isEmpty());
        assertThat(fx(() -> ui.window.lookup("#completenessBanner").isVisible())).isFalse();
    }
}
