package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.load.Sources;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Ctrl+G asks where to go, suggests times in the form it accepts, and moves the cursor. */
@ExtendWith(ApplicationExtension.class)
class GoToDialogTest {
    private static final SampleFacts SAMPLE = new SampleFacts();
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
    void goToFromTheKeyboardMovesTheCursorAndAMistakeIsExplained(FxRobot robot) {
        ui.open(Sources.BUNDLED_SAMPLE);
        ui.settle();

        robot.clickOn("#replaySlider").press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        waitUntil("the Go to dialog", 10, () -> robot.lookup("#goToInput").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup("#goToRange").queryAs(Label.class).getText()))
                .startsWith("Positions 1 to 20,000");
        robot.clickOn("#goToInput").write("2024-03-01T");
        waitUntil("time suggestions", 10, () -> robot.lookup(".auto-complete-popup .list-view").tryQuery()
                .map(n -> n.isVisible()).orElse(false));
        String first = SAMPLE.time(1).toString();
        assertThat(fx(() -> robot.lookup(".auto-complete-popup .list-view").queryAs(ListView.class).getItems()
                .stream().map(Object::toString).toList())).contains(first);
        robot.type(KeyCode.ESCAPE); // closes the suggestions only
        robot.doubleClickOn("#goToInput").eraseText(12).write("137").type(KeyCode.ENTER);
        waitUntil("the cursor to move", 10, () -> ui.model.replay().cursor() == 137);
        ui.settle();

        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        waitUntil("the Go to dialog again", 10, () -> robot.lookup("#goToInput").tryQuery()
                .map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#goToInput").write("tuesday").type(KeyCode.ENTER);
        waitUntil("the mistake to be explained", 10, () -> ui.model.session().errorProperty().get() != null);
        assertThat(fx(() -> ui.model.session().errorProperty().get())).contains("\"tuesday\" is neither");
        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(137);
    }
}
