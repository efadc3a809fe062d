package io.eventscope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.testing.MultiFieldBank;
import io.eventscope.testing.ViewerSessions;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charted series of the picked entities, without a window. */
class ChartViewModelTest {
    @TempDir
    Path dir;

    private final ViewerSessions given = ViewerSessions.banking();
    private final ObservableList<String> picked = FXCollections.observableArrayList();

    @Test
    void aPickedEntityGetsAPointAfterEachOfItsAppliedEvents() {
        given.open(dir, "ledger", List.of(
                "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":100}",
                "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":7}",
                "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"30.5\"}",
                "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"oops\"}",
                "{\"type\":\"StatementIssued\",\"account\":\"ACC-1\"}"));
        ChartViewModel model = new ChartViewModel(given.feed(), picked, new CurrentThreadTaskRunner());
        assertThat(model.seriesProperty().get()).isEmpty();
        assertThat(model.field()).isEqualTo("balance");

        picked.setAll("ACC-1");

        BalanceSeries s = model.seriesProperty().get().get(0);
        assertThat(s.entity()).isEqualTo("ACC-1");
        assertThat(s.count()).isEqualTo(3);
        assertThat(List.of(s.positions()[0], s.positions()[1], s.positions()[2])).containsExactly(1, 3, 5);
        assertThat(List.of(s.values()[0], s.values()[1], s.values()[2])).containsExactly(100.0, 69.5, 69.5);
        assertThat(model.upToDate()).isTrue();
    }

    @Test
    void newEventsExtendTheSeriesOnceTheLoadEnds() {
        given.open(dir, "ledger", List.of(
                "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":1}",
                "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":2}"));
        given.size.set(1); // only the first event published to the views so far
        given.loading.set(true);
        ChartViewModel model = new ChartViewModel(given.feed(), picked, new CurrentThreadTaskRunner());
        picked.setAll("ACC-1");
        assertThat(model.seriesProperty().get().get(0).count()).isEqualTo(1);

        given.size.set(2);
        given.loading.set(false);

        assertThat(model.seriesProperty().get().get(0).count()).isEqualTo(2);
        assertThat(model.seriesProperty().get().get(0).values()[1]).isEqualTo(3.0);
        assertThat(model.upToDate()).isTrue();
    }

    @Test
    void closingTheSourceClearsTheChart() {
        given.open(dir, "ledger", List.of("{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":1}"));
        ChartViewModel model = new ChartViewModel(given.feed(), picked, new CurrentThreadTaskRunner());
        picked.setAll("ACC-1");
        given.session.set(null);
        assertThat(model.seriesProperty().get()).isEmpty();
    }

    @Test
    void theChooserOffersEveryDecimalFieldAndChartsTheChosenOne() {
        ViewerSessions bank = new ViewerSessions(MultiFieldBank.spec());
        List<String> lines = List.of(
                "{\"type\":\"AccountOpened\",\"account\":\"A\",\"status\":\"open\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"10.5\"}",
                "{\"type\":\"Withdrawal\",\"account\":\"A\",\"amount\":4}",
                "{\"type\":\"Deposit\",\"account\":\"B\",\"amount\":99}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"0.5\"}");
        bank.open(dir, "bank", lines);
        ChartViewModel model = new ChartViewModel(bank.feed(), picked, new CurrentThreadTaskRunner());
        picked.setAll("A");

        assertThat(model.fields()).containsExactly("balance", "deposited"); // the text field is not charted
        assertThat(model.field()).isEqualTo("balance");
        assertThat(values(model)).containsExactly(0.0, 10.5, 6.5, 7.0);

        model.chosenFieldProperty().set("deposited");

        assertThat(model.field()).isEqualTo("deposited");
        assertThat(model.seriesProperty().get().get(0).positions()).startsWith(1, 2, 3, 5);
        assertThat(values(model)).containsExactly(0.0, 10.5, 10.5, 11.0);
    }

    @Test
    void aProjectionWithoutTheChosenFieldFallsBackToItsPrimaryField() {
        ViewerSessions bank = new ViewerSessions(MultiFieldBank.spec());
        bank.open(dir, "bank", List.of("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":3}"));
        ChartViewModel model = new ChartViewModel(bank.feed(), picked, new CurrentThreadTaskRunner());
        model.chosenFieldProperty().set("deposited");
        picked.setAll("A");

        bank.session.set(given.open(dir, "ledger", List.of(
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":2}")));

        assertThat(model.fields()).containsExactly("balance");
        assertThat(model.field()).isEqualTo("balance");
        assertThat(values(model)).containsExactly(2.0);
    }

    private static List<Double> values(ChartViewModel model) {
        BalanceSeries s = model.seriesProperty().get().get(0);
        return java.util.Arrays.stream(s.values(), 0, s.count()).boxed().toList();
    }
}
