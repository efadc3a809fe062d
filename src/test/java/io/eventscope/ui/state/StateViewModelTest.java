package io.eventscope.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.ViewerSessions;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every entity's state at the cursor, as the state panel lists it, without a window. */
class StateViewModelTest {
    private static final List<String> LEDGER = List.of(
            "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":\"100.10\"}",
            "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":40}",
            "{\"type\":\"Withdrawal\",\"account\":\"ACC-2\",\"amount\":\"0.10\"}",
            "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"n/a\"}",
            "{\"type\":\"StatementIssued\",\"account\":\"ACC-3\"}");

    @TempDir
    Path dir;

    private final ViewerSessions given = ViewerSessions.banking();
    private final IntegerProperty cursor = new SimpleIntegerProperty();

    @Test
    void rowsShowThePrimaryFieldAtTheCursor() {
        given.open(dir, "ledger", LEDGER);
        StateViewModel model = new StateViewModel(given.feed(), cursor, new CurrentThreadTaskRunner());
        cursor.set(3);

        assertThat(model.valueTitle()).isEqualTo("Balance");
        assertThat(model.shownPositionProperty().get()).isEqualTo(3);
        assertThat(model.allRows()).extracting(EntityRow::entity).containsExactly("ACC-1", "ACC-2");
        assertThat(model.allRows().get(0).value()).isEqualByComparingTo("40");
        assertThat(model.allRows().get(1).value()).isEqualByComparingTo("100.00");
        assertThat(model.allRows().get(1).events()).isEqualTo(2);
        assertThat(model.allRows().get(1).lastPosition()).isEqualTo(3);
    }

    @Test
    void aFlaggedEventChangesNoRowAndAnEventWithoutARuleStillCounts() {
        given.open(dir, "ledger", LEDGER);
        StateViewModel model = new StateViewModel(given.feed(), cursor, new CurrentThreadTaskRunner());
        cursor.set(5);

        assertThat(model.allRows()).extracting(EntityRow::entity).containsExactly("ACC-1", "ACC-2", "ACC-3");
        assertThat(model.allRows().get(0).events()).isEqualTo(1);
        assertThat(model.allRows().get(0).value()).isEqualByComparingTo("40");
        assertThat(model.allRows().get(2).value()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(model.allRows().get(2).events()).isEqualTo(1);
    }

    @Test
    void searchNarrowsTheListedEntities() {
        given.open(dir, "ledger", LEDGER);
        StateViewModel model = new StateViewModel(given.feed(), cursor, new CurrentThreadTaskRunner());
        cursor.set(5);
        model.searchProperty().set(" acc-2 ");
        assertThat(model.rows()).extracting(EntityRow::entity).containsExactly("ACC-2");
        assertThat(model.allRows()).hasSize(3);
    }

    @Test
    void anotherProjectionHeadsTheColumnWithItsOwnField() throws Exception {
        ViewerSessions inventory = new ViewerSessions(ProjectionSpecReader.parse("""
                {"name": "inventory", "fields": {"type": ["kind"], "entity": ["sku"]},
                 "state": {"stock": "decimal"},
                 "rules": [{"types": ["Received"], "apply": [{"op": "add", "field": "qty", "to": "stock"}]}]}
                """, "inventory.json"));
        inventory.open(dir, "store", List.of("{\"kind\":\"Received\",\"sku\":\"S1\",\"qty\":12}"));
        StateViewModel model = new StateViewModel(inventory.feed(), cursor, new CurrentThreadTaskRunner());
        cursor.set(1);

        assertThat(model.valueTitle()).isEqualTo("Stock");
        assertThat(model.allRows()).singleElement().satisfies(r -> {
            assertThat(r.entity()).isEqualTo("S1");
            assertThat(r.value()).isEqualByComparingTo("12");
        });
    }
}
