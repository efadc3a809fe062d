package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.testing.NaiveBankFold;
import io.eventscope.testing.SampleLines;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Sources over a tiny memory budget: a file and a nats-server stream whose sizes are known up front are
 * offered as a held window before anything is read, and one the estimate let through is offered one once
 * the load stops at the budget; the balances in the window carry the history in.
 */
@ExtendWith(ApplicationExtension.class)
class HeldWindowFlowsTest {
    private static final List<String> LINES = SampleLines.lines();
    private static NatsServerProcess server;
    private static JetStreamFixtures broker;
    private FxHarness ui;

    @BeforeAll
    static void stream() {
        server = NatsServerProcess.start();
        broker = new JetStreamFixtures(server.url());
        broker.createStream("ledger", "ledger.>");
        broker.publish(LINES, List.of("ledger.final"), null);
    }

    @AfterAll
    static void stop() {
        broker.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        ui = new FxHarness(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private String offer() {
        return fx(() -> ((Label) ui.window.lookup("#heldWindowOffer")).getText());
    }

    /** Opens {@code source} as the window's open command does, under a 2 MiB budget: the offer comes first. */
    private void openOverBudget(String source) {
        onFx(() -> ui.model.session().access().setMemoryBudgetBytes(2L << 20));
        onFx(() -> ui.window.open(source));
        waitUntil("the offer", 30, () -> ui.window.lookup("#heldWindowBar").isVisible());
    }

    /** Accepts "Load the last N" and checks the window and the balances at its first position. */
    private void acceptLastAndCheckBalances(FxRobot robot) {
        long offered = fx(() -> ui.model.heldWindow().offeredLast());
        robot.clickOn("#heldWindowLast");
        waitUntil("the held window", 60, () -> ui.window.lookup("#heldWindowExtent").isVisible());
        ui.settle();
        int held = fx(() -> ui.model.session().size());
        assertThat(held).as("the whole window fits").isEqualTo((int) offered);
        assertThat(fx(() -> ui.model.session().session().loaded().partial())).isFalse();
        int first = LINES.size() - held + 1;
        assertThat(fx(() -> ((Label) ui.window.lookup("#heldWindowExtent")).getText())).isEqualTo("Events "
                + SampleLines.grouped(first) + "–" + SampleLines.grouped(LINES.size()) + " of "
                + SampleLines.grouped(LINES.size()) + " · earlier history folded in, not shown");
        assertThat(fx(() -> ui.window.lookup("#heldWindowCarriedIn").isVisible())).isTrue();
        assertThat(fx(() -> ui.window.lookup("#heldWindowBar").isVisible())).isFalse();
        onFx(() -> ui.model.replay().moveTo(1));
        ui.settle();
        Map<String, BigDecimal> shown = fx(() -> {
            Map<String, BigDecimal> rows = new TreeMap<>();
            ui.model.state().allRows().forEach(r -> rows.put(r.entity(), r.decimal("balance")));
            return rows;
        });
        assertThat(shown).as("the state panel at the window's first position (line %d)", first)
                .isEqualTo(new TreeMap<>(NaiveBankFold.afterLines(LINES, first)));
    }

    @Test
    void aFileClearlyOverTheBudgetIsOfferedBeforeLoadingAndTheWindowCarriesTheBalancesIn(FxRobot robot) {
        openOverBudget(SampleLines.FILE.toString());

        assertThat(offer()).startsWith("This source holds " + SampleLines.grouped(LINES.size())
                + " events, more than fit in the memory budget (2 MiB); load the last ");
        assertThat(fx(() -> ((Button) ui.window.lookup("#heldWindowKeep")).getText())).isEqualTo("Load from the start");
        assertThat(fx(() -> ui.model.session().session())).as("nothing was read").isNull();
        assertThat(fx(() -> ui.model.session().errorProperty().get())).isNull();

        acceptLastAndCheckBalances(robot);
    }

    @Test
    void aStreamClearlyOverTheBudgetIsOfferedBeforeLoadingAndTheWindowCarriesTheBalancesIn(FxRobot robot) {
        openOverBudget("nats://" + server.hostPort() + "/ledger");

        assertThat(offer()).startsWith("This source holds " + SampleLines.grouped(broker.messageCount("ledger"))
                + " events, more than fit in the memory budget (2 MiB); load the last ");
        assertThat(fx(() -> ui.model.session().session())).as("nothing was read").isNull();

        acceptLastAndCheckBalances(robot);
    }

    @Test
    void loadingFromTheStartReadsUntilTheBudgetAndSaysSoOnce(FxRobot robot) {
        openOverBudget(SampleLines.FILE.toString());

        robot.clickOn("#heldWindowKeep");

        ui.settle();
        assertThat(fx(() -> ui.model.session().session().loaded().partial())).isTrue();
        assertThat(fx(() -> ui.window.lookup("#heldWindowBar").isVisible())).as("not asked again").isFalse();
        assertThat(fx(() -> ui.model.session().errorProperty().get())).startsWith("Stopped loading");
    }

    @Test
    void aLoadTheEstimateLetThroughIsOfferedAWindowOnceItStopsAtTheBudget() {
        onFx(() -> ui.model.session().access().setMemoryBudgetBytes(4L << 20)); // the estimate says "might fit"; it does not
        ui.open(SampleLines.FILE.toString());
        ui.settle();

        waitUntil("the offer", 20, () -> ui.window.lookup("#heldWindowBar").isVisible());
        assertThat(offer()).startsWith("This source holds " + SampleLines.grouped(LINES.size()) + " events");
        assertThat(fx(() -> ((Button) ui.window.lookup("#heldWindowKeep")).getText())).isEqualTo("Keep what is loaded");
        assertThat(fx(() -> ui.model.session().errorProperty().get())).as("one sentence, not two").isNull();
    }

    private Map<String, BigDecimal> shownAt(int position) {
        onFx(() -> ui.model.replay().moveTo(position));
        ui.settle();
        return fx(() -> {
            Map<String, BigDecimal> rows = new TreeMap<>();
            ui.model.state().allRows().forEach(r -> rows.put(r.entity(), r.decimal("balance")));
            return rows;
        });
    }

    /** Opens {@code window} of {@code source} as {@code eventscope view SOURCE --last/--from-position} does. */
    private void openFromCommandLine(String source, io.eventscope.source.LoadWindow window) {
        onFx(() -> ui.model.open(source, window));
        waitUntil("the window to open", 60, () -> ui.model.session().session() != null);
        ui.settle();
    }

    @Test
    void aWindowFromTheCommandLineIsHeldWithTheHistoryFoldedInAndReloadKeepsIt(FxRobot robot) {
        openFromCommandLine(SampleLines.FILE.toString(), io.eventscope.source.LoadWindow.heldLast(5_000));

        assertThat(fx(() -> ui.model.session().size())).isEqualTo(5_000);
        String extent = "Events 15,001–20,000 of 20,000 · earlier history folded in, not shown";
        assertThat(fx(() -> ((Label) ui.window.lookup("#heldWindowExtent")).getText())).isEqualTo(extent);
        Map<String, BigDecimal> expected = new TreeMap<>(NaiveBankFold.afterLines(LINES, 15_001));
        assertThat(shownAt(1)).isEqualTo(expected);
        var before = fx(() -> ui.model.session().session());

        robot.clickOn("#toolReload");

        waitUntil("the reloaded window", 60, () -> ui.model.session().session() != before);
        ui.settle();
        assertThat(fx(() -> ui.model.session().size())).isEqualTo(5_000);
        assertThat(fx(() -> ((Label) ui.window.lookup("#heldWindowExtent")).getText())).isEqualTo(extent);
        assertThat(shownAt(1)).as("not restarted at zero after Reload").isEqualTo(expected);
    }

    @Test
    void aStreamWindowFromAPositionCarriesTheBalancesOfTheStreamBeforeIt() {
        openFromCommandLine("nats://" + server.hostPort() + "/ledger", io.eventscope.source.LoadWindow.heldFrom(12_001));

        assertThat(fx(() -> ui.model.session().size())).isEqualTo(LINES.size() - 12_000);
        assertThat(fx(() -> ui.model.session().session().loaded().positionsBefore())).isEqualTo(12_000);
        assertThat(shownAt(1)).isEqualTo(new TreeMap<>(NaiveBankFold.afterLines(LINES, 12_001)));
        assertThat(shownAt(LINES.size() - 12_000)).isEqualTo(new TreeMap<>(NaiveBankFold.afterLines(LINES, LINES.size())));
    }
}
