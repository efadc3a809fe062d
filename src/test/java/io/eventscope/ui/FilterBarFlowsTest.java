package io.eventscope.ui;

import static io.eventscope.ui.FxHarness.fx;
import static io.eventscope.ui.FxHarness.onFx;
import static io.eventscope.ui.FxHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.load.Sources;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The filter bar's ControlsFX parts, used through the real window: several types, a time range, entity ids. */
@ExtendWith(ApplicationExtension.class)
class FilterBarFlowsTest {
    private static final SampleFacts SAMPLE = new SampleFacts();
    private FxHarness ui;

    @Start
    void start(Stage stage) {
        ui = new FxHarness(stage);
    }

    @BeforeEach
    void openSample() {
        ui.open(Sources.BUNDLED_SAMPLE);
        ui.settle();
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void checkingTwoTypesShowsEventsOfEitherType(FxRobot robot) {
        @SuppressWarnings("unchecked")
        CheckComboBox<String> types = robot.lookup("#filterType").queryAs(CheckComboBox.class);
        assertThat(fx(() -> List.copyOf(types.getItems()))).contains("Deposit", "Withdrawal");

        onFx(() -> {
            types.getCheckModel().check(types.getItems().indexOf("Deposit"));
            types.getCheckModel().check(types.getItems().indexOf("Withdrawal"));
        });
        waitUntil("the two-type filter to apply", 20, () -> ui.model.table().upToDate()
                && ui.model.table().criteriaProperty().get().types().size() == 2);

        // The type as written in the line; a line cut short still shows (flagged) with the type it names.
        long expected = SAMPLE.lines.stream()
                .filter(l -> l.contains("\"type\":\"Deposit\"") || l.contains("\"type\":\"Withdrawal\"")).count();
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo((int) expected);
        assertThat(fx(types::getTitle)).isEqualTo("2 types");
        assertThat(fx(() -> ui.model.summaryProperty().get())).endsWith(" of 20,000 shown");

        robot.clickOn("#filterClear");
        waitUntil("the filter to clear", 20, () -> ui.model.table().upToDate()
                && ui.model.table().rows().size() == SAMPLE.size());
        assertThat(fx(() -> types.getCheckModel().getCheckedItems().isEmpty())).isTrue();
    }

    @Test
    void movingTheTimeRangeWritesTheTimeAndNarrowsTheTableToIt(FxRobot robot) {
        RangeSlider range = robot.lookup("#filterRange").queryAs(RangeSlider.class);
        Instant first = IntStream.rangeClosed(1, SAMPLE.size()).mapToObj(SAMPLE::time).filter(t -> t != null)
                .min(Instant::compareTo).orElseThrow();
        assertThat(fx(range::getMin)).isEqualTo((double) first.toEpochMilli());

        Instant from = Instant.parse("2024-03-02T12:00:00Z");
        onFx(() -> range.setLowValue(from.toEpochMilli())); // what dragging the left thumb does
        assertThat(fx(() -> robot.lookup("#filterFrom").queryAs(TextField.class).getText()))
                .isEqualTo("2024-03-02T12:00:00Z");
        waitUntil("the time filter to apply", 20, () -> ui.model.table().upToDate()
                && from.equals(ui.model.table().criteriaProperty().get().from()));

        // A line without a time happened when the line before it did (the timeline's effective time).
        long expected = 0;
        Instant effective = null;
        for (int p = 1; p <= SAMPLE.size(); p++) {
            effective = SAMPLE.time(p) != null ? SAMPLE.time(p) : effective;
            if (effective != null && !effective.isBefore(from)) {
                expected++;
            }
        }
        assertThat(fx(() -> ui.model.table().rows().size())).isEqualTo((int) expected);

        robot.doubleClickOn("#filterTo").write("2024-03-02T13:00:00Z");
        waitUntil("the right thumb to follow the typed time", 20,
                () -> range.getHighValue() == Instant.parse("2024-03-02T13:00:00Z").toEpochMilli());
    }

    @Test
    void typingInTheEntityFilterOffersMatchingIds(FxRobot robot) {
        robot.clickOn("#filterEntity").write("acc-0000");
        waitUntil("suggestions to show", 20, () -> robot.lookup(".auto-complete-popup .list-view").tryQuery()
                .map(n -> n.isVisible()).orElse(false));
        ListView<?> list = robot.lookup(".auto-complete-popup .list-view").queryAs(ListView.class);
        long expected = IntStream.rangeClosed(1, SAMPLE.size()).mapToObj(SAMPLE::account)
                .filter(a -> a != null && a.toLowerCase(Locale.ROOT).contains("acc-0000")).distinct().count();
        assertThat(expected).isBetween(1L, 20L);
        // The popup may first show for a prefix typed so far ("acc-"); wait for the suggestions of the whole text.
        waitUntil("the suggestions for the whole text", 20, () -> fx(() -> list.getItems().size()) == (int) expected);
        assertThat(fx(() -> list.getItems().size())).isEqualTo((int) expected);
        assertThat(fx(() -> list.getItems().stream().map(Object::toString).allMatch(s -> s.startsWith("ACC-0000"))))
                .isTrue();
    }
}
