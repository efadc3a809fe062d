package io.eventscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.testing.ViewerSessions;
import io.eventscope.ui.filter.FilterCriteria;
import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rows the table shows and what each cell reads, without a window. */
class TimelineTableViewModelTest {
    @TempDir
    Path dir;

    private final ViewerSessions given = ViewerSessions.banking();
    private final TimeDisplay utc = new TimeDisplay(ZoneOffset.UTC);
    private TimelineTableViewModel model;

    @BeforeEach
    void ledger() {
        model = new TimelineTableViewModel(given.feed(), new CurrentThreadTaskRunner());
        given.open(dir, "ledger", List.of(
                "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"1200.50\",\"timestamp\":\"2024-03-01T09:00:00Z\"}",
                "{\"type\":\"Withdrawal\",\"account\":\"ACC-2\",\"amount\":75}",
                "not json",
                "{\"type\":\"Adjustment\",\"account\":\"ACC-1\",\"amount\":-3}",
                "{\"type\":\"AccountOpened\",\"account\":\"ACC-3\"}"));
    }

    @Test
    void withoutFilterEveryPositionIsARowInOrder() {
        assertThat(model.rows()).containsExactly(1, 2, 3, 4, 5);
        assertThat(model.shownSizeProperty().get()).isEqualTo(5);
        assertThat(model.upToDate()).isTrue();
    }

    @Test
    void theReaderShowsEachPositionsCells() {
        RowReader r = model.reader();
        assertThat(r.positionText(1)).isEqualTo("#1");
        assertThat(r.eventTime(1, utc)).isEqualTo("2024-03-01 09:00:00.000Z");
        assertThat(r.eventTime(2, utc)).isEmpty(); // the payload names no time
        assertThat(r.type(2)).isEqualTo("Withdrawal");
        assertThat(r.entity(2)).isEqualTo("ACC-2");
        assertThat(r.type(3)).isEmpty();
        assertThat(r.entity(3)).isEqualTo("ledger"); // no account: the source's default entity
    }

    @Test
    void theOperandIsExactAndColouredByWhatTheRulesDo() {
        RowReader r = model.reader();
        assertThat(model.operandTitleProperty().get()).isEqualTo("Amount");
        assertThat(r.operand(1)).isEqualTo(new BigDecimal("1200.50"));
        assertThat(r.operandText(1)).isEqualTo("1,200.50");
        assertThat(List.of(r.direction(1), r.direction(2), r.direction(3), r.direction(4), r.direction(5)))
                .containsExactly(1, -1, 0, -1, 0);
        assertThat(r.operandText(5)).isEmpty();
    }

    @Test
    void aFlaggedRowSaysWhy() {
        RowReader r = model.reader();
        assertThat(r.flagged(3)).isTrue();
        assertThat(r.flagText(3)).startsWith("⚑ ");
        assertThat(r.flagReasons(3)).isNotBlank();
        assertThat(r.flagged(1)).isFalse();
        assertThat(r.flagText(1)).isEmpty();
    }

    @Test
    void aPositionOfAnotherSourceIsNotReadable() {
        assertThat(model.reader().readable(5)).isTrue();
        assertThat(model.reader().readable(6)).isFalse();
        assertThat(model.reader().readable(0)).isFalse();
        given.session.set(null);
        assertThat(model.reader().readable(1)).isFalse();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void filteringNarrowsTheRowsAndCountsThem() {
        model.criteriaProperty().set(entityContains("ACC-1"));
        assertThat(model.rows()).containsExactly(1, 4);
        assertThat(model.shownSizeProperty().get()).isEqualTo(2);
        assertThat(model.upToDate()).isTrue();
    }

    @Test
    void sortingByTheOperandPutsTheLargestFirstAndEventsWithoutOneLast() {
        model.sortProperty().set(new TimelineTableViewModel.Sort(SortKey.OPERAND, false));
        assertThat(model.rows()).containsExactly(1, 2, 4, 5, 3);
        model.sortProperty().set(null);
        assertThat(model.rows()).containsExactly(1, 2, 3, 4, 5);
    }

    private static FilterCriteria entityContains(String entity) {
        return new FilterCriteria("", null, entity, null, null, false);
    }
}
