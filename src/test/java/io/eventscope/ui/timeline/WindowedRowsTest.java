package io.eventscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The table's items as a window over the logical rows (plain collections: no FX toolkit needed). */
class WindowedRowsTest {
    private final TimelineRows rows = new TimelineRows();
    private final WindowedRows items = new WindowedRows(rows, new RowWindow(100, 20));
    private final List<String> changes = new ArrayList<>();

    WindowedRowsTest() {
        items.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                changes.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getAddedSize() : "")
                        + "@" + c.getFrom() + (items.shifting() ? " shift" : ""));
            }
        });
    }

    @Test
    void appendedRowsAreAppendedUntilTheWindowIsFull() {
        rows.showAll(60);
        rows.showAll(130);
        assertThat(changes).containsExactly("+60@0", "+40@60");
        assertThat(items).hasSize(100);
        assertThat(items.get(99)).isEqualTo(100);
        assertThat(items.totalProperty().get()).isEqualTo(130);
        rows.showAll(500); // beyond the window: only the total grows
        assertThat(changes).hasSize(2);
        assertThat(items.totalProperty().get()).isEqualTo(500);
    }

    @Test
    void coveringADeepRowShiftsTheWindowInOneChange() {
        rows.showAll(1000);
        changes.clear();
        assertThat(items.cover(700, 10)).isTrue();
        assertThat(changes).containsExactly("-100+100@0 shift");
        assertThat(items.shifting()).isFalse();
        int index = items.indexOf(700);
        assertThat(items.get(index)).isEqualTo(701); // identity rows: row r shows position r + 1
        assertThat(items.cover(702, 10)).isFalse();
    }

    @Test
    void aFilterReplacesTheHeldRowsWithTheMatchingPositions() {
        rows.showAll(1000);
        items.cover(900, 10);
        int[] even = IntStream.rangeClosed(1, 1000).filter(p -> p % 2 == 0).toArray();
        rows.show(even);
        assertThat(items.totalProperty().get()).isEqualTo(500);
        assertThat(items.window().start()).isLessThanOrEqualTo(400);
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i)).isEqualTo(even[items.window().rowAt(i)]);
        }
        rows.show(new int[0]);
        assertThat(items).isEmpty();
    }
}
