package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.testing.NaiveBankFold;
import io.eventscope.testing.SampleLines;
import java.math.BigDecimal;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A file over a tiny memory budget: the window offers a held window, and the balances in it carry the history in. */
@ExtendWith(ApplicationExtension.class)
class HeldWindowFlowsTest {
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
    void acceptingTheOfferShowsTheLastEventsWithTheWholeHistorysBalances(FxRobot robot) {
        int lines = SampleLines.lines().size();
        onFx(() -> ui.model.session().setMemoryBudgetBytes(2L << 20));
        ui.open(SampleLines.FILE.toString());
        ui.settle();
        waitUntil("the offer", 20, () -> fx(() -> ui.window.lookup("#heldWindowBar").isVisible()));
        assertThat(fx(() -> ((Label) ui.window.lookup("#heldWindowOffer")).getText()))
                .startsWith("This source holds " + SampleLines.grouped(lines) + " events, more than fit in the memory budget (2 MiB)");
        assertThat(fx(() -> ui.model.session().errorProperty().get())).as("one sentence, not two").isNull();
        int partialSize = fx(() -> ui.model.session().size());

        robot.clickOn("#heldWindowLast");

        waitUntil("the held window", 30, () -> fx(() -> ui.window.lookup("#heldWindowExtent").isVisible()));
        ui.settle();
        int held = fx(() -> ui.model.session().size());
        int first = lines - held + 1;
        assertThat(held).isBetween(1, partialSize);
        assertThat(fx(() -> ((Label) ui.window.lookup("#heldWindowExtent")).getText())).isEqualTo("Events "
                + SampleLines.grouped(first) + "–" + SampleLines.grouped(lines) + " of " + SampleLines.grouped(lines)
                + " · earlier history folded in, not shown");
        assertThat(fx(() -> ui.window.lookup("#heldWindowCarriedIn").isVisible())).isTrue();
        assertThat(fx(() -> ui.window.lookup("#heldWindowBar").isVisible())).isFalse();

        onFx(() -> ui.model.replay().moveTo(1));
        ui.settle();
        Map<String, BigDecimal> whole = NaiveBankFold.afterLines(SampleLines.lines(), first);
        Map<String, BigDecimal> shown = fx(() -> {
            Map<String, BigDecimal> rows = new java.util.TreeMap<>();
            ui.model.state().allRows().forEach(r -> rows.put(r.entity(), r.decimal("balance")));
            return rows;
        });
        assertThat(shown).as("the state panel at the window's first position (line %d)", first)
                .isEqualTo(new java.util.TreeMap<>(whole));
    }
}
