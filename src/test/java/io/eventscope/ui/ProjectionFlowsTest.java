package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.testing.MultiFieldBank;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Through the real window: a projection with several state fields shows them all, whole; F8 / Shift+F8
 * step through violations. (Until the core's invariants land, the violation positions are handed to the
 * replay model here, as the violations list does in the window.)
 */
@ExtendWith(ApplicationExtension.class)
class ProjectionFlowsTest {
    private static final String HUGE = "74074073415123456.78";

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

    private void openAndSwitch() throws Exception {
        Path log = Files.write(dir.resolve("bank.jsonl"), List.of(
                "{\"type\":\"AccountOpened\",\"account\":\"ACC-1\",\"status\":\"open\"}",
                "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"" + HUGE + "\"}",
                "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"0.78\"}",
                "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":\"5\"}",
                "{\"type\":\"AccountClosed\",\"account\":\"ACC-2\",\"status\":\"closed\"}"));
        ui.open(log.toString());
        ui.settle();
        Path spec = MultiFieldBank.file(dir);
        onFx(() -> ui.model.useProjection(spec));
        waitUntil("the projection to switch", 20, () -> "bank-multi".equals(ui.model.session().session().spec().name()));
        ui.settle();
    }

    @Test
    void everyStateFieldIsAColumnWideEnoughForItsLongestValue() throws Exception {
        openAndSwitch();
        TableView<?> table = fx(() -> ui.window.statePanel().table());
        assertThat(fx(() -> table.getColumns().stream().map(TableColumn::getText).toList()))
                .containsExactly("Entity", "Balance", "Deposited", "Status", "Events", "Last change");
        // the deposited total of ACC-1 is the whole huge amount: its column shows all of it
        TableColumn<?, ?> deposited = fx(() -> table.getColumns().get(2));
        Text text = new Text("74,074,073,415,123,456.78");
        text.setFont(Font.font(13));
        double needed = text.getLayoutBounds().getWidth();
        assertThat(fx(deposited::getWidth)).isGreaterThan(needed + 8);
        assertThat(fx(() -> ui.window.lookup("#detailFields"))).isNotNull(); // before → after of every field
        ComboBox<?> chooser = fx(() -> (ComboBox<?>) ui.window.lookup("#chartField"));
        assertThat(fx(() -> List.<Object>copyOf(chooser.getItems()))).containsExactly("balance", "deposited");
        assertThat(fx(chooser::isVisible)).isTrue();
    }

    @Test
    void f8AndShiftF8JumpToTheNextAndPreviousViolation(FxRobot robot) throws Exception {
        openAndSwitch();
        int[] broken = {2, 4};
        onFx(() -> {
            ui.model.replay().setViolations(
                    p -> java.util.Arrays.stream(broken).filter(v -> v > p).findFirst().orElse(-1),
                    p -> java.util.Arrays.stream(broken).filter(v -> v < p).reduce((a, b) -> b).orElse(-1));
            ui.model.replay().moveTo(0);
        });
        robot.clickOn(fx(() -> ui.window.statePanel().table()));

        robot.type(KeyCode.F8);
        waitUntil("F8 to reach the first violation", 10, () -> ui.model.replay().cursor() == 2);
        robot.type(KeyCode.F8);
        waitUntil("F8 to reach the second violation", 10, () -> ui.model.replay().cursor() == 4);
        robot.press(KeyCode.SHIFT).type(KeyCode.F8).release(KeyCode.SHIFT);
        waitUntil("Shift+F8 to go back", 10, () -> ui.model.replay().cursor() == 2);
        CheckBox stops = fx(() -> (CheckBox) ui.window.lookup("#replayStopAtViolations"));
        assertThat(fx(stops::isSelected)).isTrue();
        robot.clickOn(stops);
        assertThat(fx(() -> ui.model.replay().stopAtViolationsProperty().get())).isFalse();
    }
}
