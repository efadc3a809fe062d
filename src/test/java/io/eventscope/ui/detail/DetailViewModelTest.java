package io.eventscope.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.testing.MultiFieldBank;
import io.eventscope.testing.ViewerSessions;
import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail pane's text for the event at the cursor, without a window. */
class DetailViewModelTest {
    @TempDir
    Path dir;

    private final ViewerSessions given = ViewerSessions.banking();
    private final IntegerProperty cursor = new SimpleIntegerProperty();
    private DetailViewModel model;

    @BeforeEach
    void ledger() {
        given.open(dir, "ledger", List.of(
                "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"1200.50\",\"timestamp\":\"2024-03-01T09:00:00Z\"}",
                "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":5}",
                "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"200.25\"}",
                "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":\"plenty\"}",
                "{\"type\":\"StatementIssued\",\"account\":\"ACC-2\"}"));
        model = new DetailViewModel(given.feed(), cursor, new TimeDisplay(ZoneOffset.UTC), new CurrentThreadTaskRunner());
    }

    @Test
    void theFirstEventOfAnEntityStartsFromZero() {
        cursor.set(1);
        EventDetail d = model.detailProperty().get();
        assertThat(d.position()).isEqualTo(1);
        assertThat(d.change()).isEqualTo("ACC-1 balance: 0 → 1,200.50");
        assertThat(d.facts()).containsEntry("Entity", "ACC-1").containsEntry("Amount", "1,200.50")
                .containsEntry("Event time", "2024-03-01 09:00:00.000Z");
        assertThat(d.flags()).isEmpty();
    }

    @Test
    void aDebitShowsTheBalanceBeforeAndAfter() {
        cursor.set(3);
        assertThat(model.detailProperty().get().change()).isEqualTo("ACC-1 balance: 1,200.50 → 1,000.25");
    }

    @Test
    void aCreditToAnotherEntityLeavesTheFirstAlone() {
        cursor.set(2);
        assertThat(model.detailProperty().get().change()).isEqualTo("ACC-2 balance: 0 → 5");
    }

    @Test
    void aFlaggedEventIsNotApplied() {
        cursor.set(4);
        EventDetail d = model.detailProperty().get();
        assertThat(d.change()).isEqualTo("Not applied: replay skips flagged events (ACC-1 unchanged).");
        assertThat(d.flags()).hasSize(1).first().asString().contains("amount");
    }

    @Test
    void anEventWithoutARuleSaysItChangedNothing() {
        cursor.set(5);
        assertThat(model.detailProperty().get().change()).isEqualTo("ACC-2 balance: 5 → 5  (no effect)");
    }

    @Test
    void beforeTheFirstEventOrWithoutASourceThereIsNothingToShow() {
        cursor.set(3);
        cursor.set(0);
        assertThat(model.detailProperty().get()).isNull();
        cursor.set(2);
        given.session.set(null);
        assertThat(model.detailProperty().get()).isNull();
        assertThat(given.errors).isEmpty();
    }

    @Test
    void withSeveralStateFieldsEveryFieldIsListedBeforeAndAfter() {
        ViewerSessions bank = new ViewerSessions(MultiFieldBank.spec());
        bank.open(dir, "bank", List.of(
                "{\"type\":\"AccountOpened\",\"account\":\"A\",\"status\":\"open\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"0.1\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"0.2\"}",
                "{\"type\":\"Withdrawal\",\"account\":\"A\"}"));
        IntegerProperty at = new SimpleIntegerProperty();
        DetailViewModel multi = new DetailViewModel(bank.feed(), at, new TimeDisplay(ZoneOffset.UTC),
                new CurrentThreadTaskRunner());

        at.set(3);
        EventDetail d = multi.detailProperty().get();
        assertThat(d.change()).isEqualTo("A, every state field:");
        assertThat(d.fields()).extracting(f -> f.field() + ": " + f.before() + " → " + f.after() + (f.changed() ? " *" : ""))
                .containsExactly("balance: 0.1 → 0.3 *", "deposited: 0.1 → 0.3 *", "status: open → open");

        at.set(4); // flagged (no amount): the sentence says it was not applied, no field table
        assertThat(multi.detailProperty().get().fields()).isEmpty();
        assertThat(multi.detailProperty().get().change()).startsWith("Not applied");
    }

    @Test
    void withOneStateFieldTheSentenceAloneSaysIt() {
        cursor.set(3);
        assertThat(model.detailProperty().get().fields()).isEmpty();
    }
}
