package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window remembers where the user left its pane dividers. */
@ExtendWith(ApplicationExtension.class)
class PaneLayoutTest {
    @Test
    void dividersMovedByTheUserComeBackInTheNextWindow(@TempDir Path settings) {
        Stage first = fx(Stage::new);
        FxHarness one = fx(() -> new FxHarness(first, settings));
        SplitPane main = fx(() -> (SplitPane) one.window.getCenter());
        onFx(() -> main.setDividerPosition(0, 0.33));
        WaitForAsyncUtils.waitForFxEvents();
        onFx(first::hide);
        one.close();
        assertThat(Files.exists(settings.resolve("layout.properties"))).isTrue();

        Stage second = fx(Stage::new);
        FxHarness two = fx(() -> new FxHarness(second, settings));
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane restored = fx(() -> (SplitPane) two.window.getCenter());
        assertThat(fx(() -> restored.getDividerPositions()[0])).isCloseTo(0.33, within(0.01));
        onFx(second::hide);
        two.close();
    }
}
