package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.DecimalText;
import io.eventscope.load.Sources;
import io.eventscope.ui.chart.BalanceSeries;
import io.eventscope.ui.state.EntityRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main flows of the viewer, driven through the real window (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class ViewerFlowsTest {
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

    private void openSample() {
        ui.open(Sources.BUNDLED_SAMPLE);
        ui.settle();
    }

    @Test
    void openingTheSampleFillsTheTableWithEveryLine() {
        openSample();
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo(SAMPLE.size());
        assertThat(fx(() -> ui.model.table().rows().get(0))).isEqualTo(1);
        assertThat(fx(() -> ui.model.session().statusProperty().get()))
                .startsWith(DecimalText.grouped(SAMPLE.size()) + " events");
        // After loading, the cursor is at the end and the state shows every entity of the file.
        long accounts = IntStream.rangeClosed(1, SAMPLE.size()).filter(p -> !SAMPLE.bad(p))
                .mapToObj(SAMPLE::account).filter(a -> a != null).distinct().count();
        assertThat(fx(() -> ui.model.state().allRows().size())).isEqualTo((int) accounts);
        waitUntil("the cursor's row (the last) to be on screen", 10, () -> ui.window.cursorSync().cursorRowVisible());
    }

    @Test
    void theScrollBarSpansEveryEventThoughTheTableHoldsOnlyAWindowOfThem() {
        openSample();
        var bar = fx(() -> (javafx.scene.control.ScrollBar) ui.window.lookup("#timelineScroll"));
        assertThat(fx(bar::isVisible)).isTrue();
        // the bar's range plus what fits on screen is the whole sample
        assertThat(fx(() -> (int) Math.round(bar.getMax() + ui.window.table().scroller().visibleRows())))
                .isEqualTo(SAMPLE.size());
        int target = SAMPLE.size() / 3; // a row far outside the rows held after loading (near the end)
        onFx(() -> bar.setValue(target));
        ui.settle();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // the first row on screen shows the event at that place in the timeline
        // (the flow may keep the row just above the viewport laid out at a negative y: not on screen)
        int firstShown = fx(() -> ui.window.table().lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<?>) n).filter(r -> !r.isEmpty() && r.isVisible() && r.getLayoutY() >= 0)
                .mapToInt(r -> (Integer) r.getItem()).min().orElseThrow());
        assertThat(firstShown).isEqualTo(target + 1);
        assertThat(fx(() -> ui.window.table().getItems().size())).isLessThan(SAMPLE.size());
        assertThat(fx(() -> (int) Math.round(bar.getValue()))).isEqualTo(target);
    }

    @Test
    void keysMoveTheCursorAndStateTableAndChartAgreeWithTheStateCommand(FxRobot robot) {
        openSample();
        int row = 5;
        onFx(() -> ui.window.table().showRowAtTop(0));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(fx(() -> rowNode(row)));
        waitUntil("cursor at the clicked row", 10, () -> ui.model.replay().cursor() == row + 1);
        robot.type(KeyCode.RIGHT, 3);
        ui.settle();
        assertAgreement(row + 4);
        assertThat(fx(() -> ui.window.cursorSync().cursorRowVisible())).isTrue();
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        ui.settle();
        assertAgreement(row + 104);
        robot.type(KeyCode.LEFT);
        ui.settle();
        assertAgreement(row + 103);
        robot.type(KeyCode.END);
        ui.settle();
        assertAgreement(SAMPLE.size());
        waitUntil("the last row to be scrolled into view", 10, () -> ui.window.cursorSync().cursorRowVisible());
        robot.type(KeyCode.HOME);
        ui.settle();
        assertAgreement(0);
    }

    @Test
    void draggingTheSliderKeepsStateTableAndChartInAgreement(FxRobot robot) {
        openSample();
        Node thumb = fx(() -> ui.window.replayBar().slider().lookup(".thumb"));
        var slider = ui.window.replayBar().slider();
        Point2D at40 = fx(() -> slider.localToScreen(slider.getWidth() * 0.4, slider.getHeight() / 2));
        Point2D at25 = fx(() -> slider.localToScreen(slider.getWidth() * 0.25, slider.getHeight() / 2));
        robot.drag(thumb).moveTo(at25).moveTo(at40).drop();
        ui.settle();
        int cursor = fx(() -> ui.model.replay().cursor());
        assertThat(cursor).isBetween(1, SAMPLE.size() - 1);
        assertAgreement(cursor);
    }

    @Test
    void goToAPositionShowsTheSameStateAsTheCommandLine() {
        openSample();
        for (int p : new int[] {1, 137, 5_000, 12_345}) {
            onFx(() -> ui.model.replay().goTo(Integer.toString(p)));
            ui.settle();
            assertAgreement(p);
        }
    }

    @Test
    void goToATimeLandsOnTheLastEventAtOrBeforeIt() {
        openSample();
        java.time.Instant at = java.time.Instant.parse("2024-03-02T10:09:07.868Z");
        var loaded = io.eventscope.testing.Loads.bundledSample();
        int expected = new io.eventscope.replay.ReplayEngine(loaded.timeline(), loaded.spec()).positionAtTime(at);
        onFx(() -> ui.model.replay().goTo(at.toString()));
        waitUntil("the cursor to reach the time", 20, () -> ui.model.replay().cursor() == expected);
        ui.settle();
        assertAgreement(expected);
        assertThat(fx(() -> ui.model.replay().goTo("yesterday"))).contains("neither a position nor");
    }

    @Test
    void timesShowInUtcByDefaultAndInAnotherZoneOnRequest() {
        openSample();
        onFx(() -> ui.model.replay().moveTo(1));
        ui.settle();
        // Line 1 of the sample happened at 2024-03-01T00:00:03.553Z (read from the file, not the viewer).
        String utc = SAMPLE.object(1).get("timestamp").asText().replace("T", " ");
        assertThat(fx(() -> cellText(0, "col-event_time"))).isEqualTo(utc);
        assertThat(fx(() -> ((Label) ui.window.lookup("#replayWhere")).getText())).endsWith(utc);

        onFx(() -> ui.model.times().zoneProperty().set(java.time.ZoneId.of("Asia/Tokyo")));
        waitUntil("the detail to follow the zone", 10, () -> ui.window.detailView().lookupAll(".fact-value").stream()
                .anyMatch(n -> ((Label) n).getText().endsWith("+09:00")));
        waitUntil("the table to redraw in the zone", 10,
                () -> cellText(0, "col-event_time").equals("2024-03-01 09:00:03.553+09:00"));
        assertThat(fx(() -> ((Label) ui.window.lookup("#replayWhere")).getText())).endsWith("09:00:03.553+09:00");

        onFx(() -> ui.model.times().localProperty().set(true)); // the menu's "Local time": the JVM's zone
        assertThat(fx(() -> ui.model.times().zoneProperty().get())).isEqualTo(java.time.ZoneId.systemDefault());
        onFx(() -> ui.model.times().localProperty().set(false));
        assertThat(fx(() -> ui.model.times().zoneProperty().get())).isEqualTo(java.time.ZoneOffset.UTC);
        waitUntil("the table to redraw in UTC", 10, () -> cellText(0, "col-event_time").equals(utc));
    }

    private String cellText(int row, String columnId) {
        TableRow<?> r = rowNode(row);
        return r.lookupAll(".table-cell").stream().map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> columnId.equals(c.getTableColumn().getId())).findFirst().orElseThrow().getText();
    }

    @Test
    void spacePlaysAndPausesTheReplay(FxRobot robot) {
        openSample();
        onFx(() -> ui.model.replay().toStart());
        onFx(() -> ui.model.replay().speedProperty().set(1_000));
        robot.clickOn("#replaySlider");
        onFx(() -> ui.model.replay().toStart());
        robot.type(KeyCode.SPACE);
        waitUntil("the replay to advance", 20, () -> ui.model.replay().cursor() > 50);
        robot.type(KeyCode.SPACE);
        assertThat(fx(() -> ui.model.replay().playingProperty().get())).isFalse();
        int stopped = fx(() -> ui.model.replay().cursor());
        FxHarness.sleep(300);
        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(stopped);
        ui.settle();
        assertAgreement(stopped);
    }

    @Test
    void selectingAnEventShowsThePayloadAndTheChangeItMade() {
        openSample();
        int p = IntStream.rangeClosed(2, SAMPLE.size()).filter(i -> "Deposit".equals(SAMPLE.type(i))
                && !SAMPLE.bad(i) && SAMPLE.account(i) != null).skip(50).findFirst().orElseThrow();
        String account = SAMPLE.account(p);
        BigDecimal before = new BigDecimal(CliState.at(Sources.BUNDLED_SAMPLE, p - 1)
                .getOrDefault(account, "0/0").split("/")[0]);
        BigDecimal after = before.add(SAMPLE.amount(p));
        onFx(() -> ui.window.table().selectRow(p - 1));
        ui.settle();
        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(p);
        Label change = fx(() -> (Label) ui.window.lookup("#detailChange"));
        assertThat(fx(change::getText)).contains(account + " balance: " + DecimalText.grouped(before) + " → "
                + DecimalText.grouped(after));
        assertThat(fx(() -> ui.window.detailView().json().getText())).contains("\"type\" : \"Deposit\"")
                .contains(account);
    }

    @Test
    void filteringByTypeAndTextNarrowsTheTableButNotTheReplay(FxRobot robot) {
        openSample();
        onFx(() -> ui.model.filter().types().add("Withdrawal"));
        waitUntil("type filter applied", 20, () -> ui.model.table().upToDate());
        long withdrawals = IntStream.rangeClosed(1, SAMPLE.size()).filter(p -> "Withdrawal".equals(SAMPLE.type(p))).count();
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo((int) withdrawals);
        assertThat(fx(() -> ui.model.table().rows().stream().allMatch(p -> "Withdrawal".equals(SAMPLE.type(p)))))
                .isTrue();

        robot.clickOn("#filterText").write("lisbon");
        onFx(() -> ui.model.filter().types().clear());
        waitUntil("text filter applied", 20, () -> ui.model.table().upToDate()
                && ui.model.table().criteriaProperty().get().text().equals("lisbon"));
        long lisbon = SAMPLE.lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("lisbon")).count();
        assertThat(lisbon).isPositive();
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo((int) lisbon);
        // The replay still covers every position: the end is the whole file.
        onFx(() -> ui.model.replay().toEnd());
        ui.settle();
        assertAgreement(SAMPLE.size());
    }

    @Test
    void sortingByAmountReordersTheRowsButNotTheReplay(FxRobot robot) {
        openSample();
        int cursor = fx(() -> ui.model.replay().cursor());
        robot.clickOn("#col-operand");
        robot.clickOn("#col-operand"); // second click: descending
        waitUntil("the sort to apply", 20, () -> ui.model.table().upToDate() && ui.model.table().sortProperty().get() != null
                && !ui.model.table().sortProperty().get().ascending());
        List<Integer> top = fx(() -> List.copyOf(ui.model.table().rows().subList(0, 200)));
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo(SAMPLE.size());
        BigDecimal previous = null;
        for (int p : top) {
            BigDecimal amount = SAMPLE.amount(p);
            assertThat(amount).as("row for #%d has an amount", p).isNotNull();
            if (previous != null) {
                assertThat(amount).isLessThanOrEqualTo(previous);
            }
            previous = amount;
        }
        BigDecimal largest = IntStream.rangeClosed(1, SAMPLE.size()).filter(p -> !SAMPLE.bad(p))
                .mapToObj(SAMPLE::amount).filter(a -> a != null).max(BigDecimal::compareTo).orElseThrow();
        assertThat(SAMPLE.amount(top.get(0))).isEqualByComparingTo(largest);
        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(cursor);
    }

    @Test
    void clickingAChartPointJumpsToTheEventThatProducedIt(FxRobot robot) {
        openSample();
        waitUntil("entities charted", 20, () -> !ui.window.chart().seriesProperty().get().isEmpty());
        BalanceSeries series = fx(() -> ui.window.chart().seriesProperty().get().get(0));
        int k = series.drawn()[series.drawn().length / 2];
        int position = series.positions()[k];
        Point2D screen = fx(() -> ui.window.chart().localToScreen(ui.window.chart().xOf(position),
                ui.window.chart().yOfPoint(series, k)));
        robot.clickOn(screen);
        ui.settle();
        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(position);
        assertThat(SAMPLE.account(position)).isEqualTo(series.entity());
        assertAgreement(position);
    }

    @Test
    void aBadEventIsShownFlaggedWithItsReason() {
        openSample();
        onFx(() -> ui.model.filter().flaggedOnlyProperty().set(true));
        waitUntil("flagged filter applied", 20, () -> ui.model.table().upToDate()
                && ui.model.table().criteriaProperty().get().flaggedOnly());
        long bad = IntStream.rangeClosed(1, SAMPLE.size()).filter(SAMPLE::bad).count();
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo((int) bad);
        int first = fx(() -> ui.model.table().rows().get(0));
        assertThat(SAMPLE.bad(first)).isTrue();
        onFx(() -> ui.window.table().selectRow(0));
        ui.settle();
        TableRow<?> row = fx(() -> rowNode(0));
        assertThat(fx(() -> row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("flagged")))).isTrue();
        assertThat(fx(() -> row.getTooltip().getText())).isNotBlank();
        assertThat(fx(() -> ((Label) ui.window.lookup("#detailFlags")).getText())).startsWith("⚑ Flagged");
        assertThat(fx(() -> ((Label) ui.window.lookup("#detailChange")).getText())).startsWith("Not applied");
    }

    /** The table row showing {@code index}, looked up among the rendered rows. */
    private TableRow<?> rowNode(int index) {
        return ui.window.table().lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index && !r.isEmpty()).findFirst().orElseThrow();
    }

    /** State panel, chart cursor, slider and table selection all show {@code position}, as the CLI does. */
    private void assertAgreement(int position) {
        assertThat(fx(() -> ui.model.replay().cursor())).isEqualTo(position);
        assertThat(fx(() -> ui.model.state().shownPositionProperty().get())).isEqualTo(position);
        assertThat(fx(() -> ui.window.chart().replayCursorProperty().get())).isEqualTo(position);
        assertThat(fx(() -> (int) Math.round(ui.window.replayBar().slider().getValue()))).isEqualTo(position);
        Integer selected = fx(() -> ui.window.table().getSelectionModel().getSelectedItem());
        if (position == 0) {
            assertThat(selected).isNull();
        } else if (fx(() -> ui.model.table().rows().rowOf(position)) >= 0) {
            assertThat(selected).isEqualTo(position);
        }
        Map<String, String> shown = new TreeMap<>();
        for (EntityRow r : fx(() -> List.copyOf(ui.model.state().allRows()))) {
            shown.put(r.entity(), CliState.key(r.value(), r.events()));
        }
        assertThat(shown).isEqualTo(CliState.at(Sources.BUNDLED_SAMPLE, position));
    }
}
