package io.eventscope.ui.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The filter bar's inputs become the table's criteria; plain JUnit, no toolkit, no window. */
class FilterViewModelTest {
    private static final double MIN = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    private static final double MAX = Instant.parse("2024-03-03T00:00:00Z").toEpochMilli();

    private final ObjectProperty<FilterCriteria> criteria = new SimpleObjectProperty<>(FilterCriteria.NONE);
    /** The typing pause never fires by itself here: a test applies when the user would press Enter. */
    private final FilterViewModel model = new FilterViewModel(criteria, action -> new FilterViewModel.Pause() {
        @Override
        public void restart() {
        }

        @Override
        public void stop() {
        }
    });

    @Test
    void typedTextAndEntityApplyOnEnterTrimmed() {
        model.textProperty().set("  lisbon ");
        model.entityProperty().set("acc-0001");
        assertThat(criteria.get()).isEqualTo(FilterCriteria.NONE); // still typing

        model.apply();

        assertThat(criteria.get().text()).isEqualTo("lisbon");
        assertThat(criteria.get().entity()).isEqualTo("acc-0001");
        assertThat(criteria.get().isEmpty()).isFalse();
    }

    @Test
    void aSearchThatCannotBeReadSaysWhyUnderTheBarAndKeepsTheCriteria() {
        model.textProperty().set("amount=10");
        model.apply();
        FilterCriteria before = criteria.get();

        model.textProperty().set("owner=\"Jane");
        model.apply();

        assertThat(criteria.get()).isSameAs(before);
        assertThat(model.problemProperty().get()).isEqualTo("The quoted value \"Jane is not closed; end it with another \".");
        model.textProperty().set("owner=\"Jane Doe\"");
        model.apply();
        assertThat(model.problemProperty().get()).isNull();
    }

    @Test
    void timesWithoutAZoneAreReadInTheZoneTheWindowShows() {
        model.readWith(() -> java.time.ZoneOffset.ofHours(-5), () -> null);
        model.textProperty().set("time:2024-03-01T10:00..");
        model.apply();
        assertThat(criteria.get().query().from()).isEqualTo(Instant.parse("2024-03-01T15:00:00Z"));
    }

    @Test
    void checkingTypesNarrowsAtOnceAndNoTypeMeansEveryType() {
        model.types().add("Deposit");
        assertThat(criteria.get().types()).containsExactly("Deposit");

        model.types().add("Withdrawal");
        assertThat(criteria.get().types()).containsExactlyInAnyOrder("Deposit", "Withdrawal");

        model.types().clear();
        assertThat(criteria.get().types()).isEmpty();
        assertThat(criteria.get().isEmpty()).isTrue();
    }

    @Test
    void flaggedOnlyAppliesAtOnce() {
        model.flaggedOnlyProperty().set(true);
        assertThat(criteria.get().flaggedOnly()).isTrue();
    }

    @Test
    void anIsoRangeBecomesInstantsAndAnUnreadableOneSaysWhyAndKeepsTheCriteria() {
        model.fromProperty().set("2024-03-01T09:00:00Z");
        model.toProperty().set("2024-03-01T10:00:00Z");
        model.apply();
        assertThat(criteria.get().from()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(criteria.get().to()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(model.problemProperty().get()).isNull();
        FilterCriteria before = criteria.get();

        model.toProperty().set("tomorrow-ish");
        model.apply();

        assertThat(model.problemProperty().get()).isEqualTo("Times must be ISO-8601, like 2024-03-01T09:00:00Z.");
        assertThat(criteria.get()).isEqualTo(before);
    }

    @Test
    void draggingTheRangeSliderWritesWholeSecondsAndTheEndsMeanOpen() {
        model.rangeMaxProperty().set(MAX);
        model.rangeMinProperty().set(MIN);
        assertThat(model.rangeLowProperty().get()).isEqualTo(MIN); // blank text: thumbs at the ends
        assertThat(model.rangeHighProperty().get()).isEqualTo(MAX);

        model.rangeLowProperty().set(Instant.parse("2024-03-01T09:41:12.345Z").toEpochMilli());
        model.rangeHighProperty().set(Instant.parse("2024-03-02T10:00:00.001Z").toEpochMilli());
        assertThat(model.fromProperty().get()).isEqualTo("2024-03-01T09:41:12Z"); // down: nothing inside is lost
        assertThat(model.toProperty().get()).isEqualTo("2024-03-02T10:00:01Z"); // up, for the same reason

        model.rangeLowProperty().set(MIN);
        assertThat(model.fromProperty().get()).isEmpty();
        model.apply();
        assertThat(criteria.get().from()).isNull();
        assertThat(criteria.get().to()).isEqualTo(Instant.parse("2024-03-02T10:00:01Z"));
    }

    @Test
    void typedTimesMoveTheThumbsWithinTheExtent() {
        model.rangeMaxProperty().set(MAX);
        model.rangeMinProperty().set(MIN);

        model.fromProperty().set("2024-03-02T00:00:00Z");
        model.toProperty().set("2030-01-01T00:00:00Z");

        assertThat(model.rangeLowProperty().get()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z").toEpochMilli());
        assertThat(model.rangeHighProperty().get()).isEqualTo(MAX); // beyond the loaded events: at the end
        assertThat(model.toProperty().get()).isEqualTo("2030-01-01T00:00:00Z"); // the text stays as typed
    }

    @Test
    void clearEmptiesEveryInput() {
        model.textProperty().set("x");
        model.types().add("Deposit");
        model.flaggedOnlyProperty().set(true);
        model.fromProperty().set("2024-03-01T09:00:00Z");

        model.clear();

        assertThat(criteria.get().isEmpty()).isTrue();
        assertThat(model.textProperty().get()).isEmpty();
        assertThat(model.types()).isEmpty();
        assertThat(model.fromProperty().get()).isEmpty();
        assertThat(model.toProperty().get()).isEmpty();
    }
}
