package io.eventscope.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.MultiFieldBank;
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

    @Test
    void everyStateFieldIsAColumnAndEachRowHoldsItsExactValue() {
        ViewerSessions bank = new ViewerSessions(MultiFieldBank.spec());
        List<String[]> events = List.of(
                new String[] {"AccountOpened", "A", null, "open"},
                new String[] {"Deposit", "A", "74074073415000000.25", null},
                new String[] {"Deposit", "B", "0.1", null},
                new String[] {"Withdrawal", "A", "0.25", null},
                new String[] {"Deposit", "B", "0.2", null},
                new String[] {"AccountClosed", "B", null, "closed"});
        bank.open(dir, "bank", events.stream().map(e -> "{\"type\":\"" + e[0] + "\",\"account\":\"" + e[1] + "\""
                + (e[2] == null ? "" : ",\"amount\":\"" + e[2] + "\"")
                + (e[3] == null ? "" : ",\"status\":\"" + e[3] + "\"") + "}").toList());
        StateViewModel model = new StateViewModel(bank.feed(), cursor, new CurrentThreadTaskRunner());
        cursor.set(events.size());

        // the expected state, folded here from the event table above
        java.util.Map<String, BigDecimal> balance = new java.util.TreeMap<>();
        java.util.Map<String, BigDecimal> deposited = new java.util.TreeMap<>();
        java.util.Map<String, String> status = new java.util.TreeMap<>();
        for (String[] e : events) {
            BigDecimal amount = e[2] == null ? BigDecimal.ZERO : new BigDecimal(e[2]);
            balance.merge(e[1], e[0].equals("Withdrawal") ? amount.negate() : e[0].equals("Deposit") ? amount
                    : BigDecimal.ZERO, BigDecimal::add);
            deposited.merge(e[1], e[0].equals("Deposit") ? amount : BigDecimal.ZERO, BigDecimal::add);
            if (e[3] != null) {
                status.put(e[1], e[3]);
            }
        }

        assertThat(model.columns()).extracting(StateColumn::field).containsExactly("balance", "deposited", "status");
        assertThat(model.columns()).extracting(StateColumn::decimal).containsExactly(true, true, false);
        assertThat(model.allRows()).extracting(EntityRow::entity).containsExactlyElementsOf(balance.keySet());
        for (EntityRow r : model.allRows()) {
            assertThat(r.decimal("balance")).isEqualByComparingTo(balance.get(r.entity()));
            assertThat(r.decimal("deposited")).isEqualByComparingTo(deposited.get(r.entity()));
            assertThat(r.text("status")).isEqualTo(status.get(r.entity()));
        }
        // the panel sizes each column to its longest text: the 17-digit balance, grouped, every digit kept
        assertThat(model.widestProperty().get().get("balance")).isEqualTo("74,074,073,415,000,000.00");
        assertThat(model.widestProperty().get().get("status")).isEqualTo("closed");
    }

    @Test
    void aSessionReadUnderAnotherProjectionBringsItsOwnColumns() {
        given.open(dir, "ledger", LEDGER);
        StateViewModel model = new StateViewModel(given.feed(), cursor, new CurrentThreadTaskRunner());
        assertThat(model.columns()).extracting(StateColumn::field).containsExactly("balance");

        ViewerSessions bank = new ViewerSessions(MultiFieldBank.spec());
        given.session.set(bank.open(dir, "bank", List.of("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}")));
        cursor.set(1);

        assertThat(model.columns()).extracting(StateColumn::title).containsExactly("Balance", "Deposited", "Status");
        assertThat(model.allRows()).singleElement().satisfies(r -> assertThat(r.decimal("deposited"))
                .isEqualByComparingTo("1"));
    }
}
