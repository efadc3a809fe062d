package io.eventscope.ui.violations;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.Violation;
import io.eventscope.testing.ViewerSessions;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Violations list without a window: given a session and the violations its replay reports, the list
 * shows them, filters them by any text, jumps to them, and says where the next and previous ones are.
 */
class ViolationsViewModelTest {
    private static final List<String> LOG = List.of(
            "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":5}",
            "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":9}",
            "{\"type\":\"Withdrawal\",\"account\":\"ACC-2\",\"amount\":1}",
            "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":1}",
            "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":1}");
    private static final List<Violation> FOUND = List.of(
            new Violation(2, "ACC-1", "no-overdraft", Map.of("balance", "-4")),
            new Violation(3, "ACC-2", "no-overdraft", Map.of("balance", "-1")),
            new Violation(3, "ACC-2", "opened first", Map.of("status", "null", "type", "Withdrawal")),
            new Violation(5, "ACC-1", "no-overdraft", Map.of("balance", "-5")));

    @TempDir
    Path dir;

    private final ViewerSessions given = ViewerSessions.banking();
    private final List<Session> asked = new ArrayList<>();

    private ViolationsViewModel model() {
        return new ViolationsViewModel(given.feed(), new CurrentThreadTaskRunner(), s -> {
            asked.add(s);
            return FOUND;
        });
    }

    @Test
    void listsEveryViolationOfTheOpenSourceInPositionOrder() {
        ViolationsViewModel model = model();
        assertThat(model.all()).isEmpty();
        assertThat(model.titleProperty().get()).isEqualTo("Violations");

        Session s = given.open(dir, "ledger", LOG);

        assertThat(asked).containsOnly(s);
        assertThat(model.shown()).containsExactlyElementsOf(FOUND);
        assertThat(model.positions()).containsExactly(2, 3, 5);
        assertThat(model.titleProperty().get()).isEqualTo("Violations (4)");
    }

    @Test
    void theFilterMatchesEntityInvariantPositionOrValuesInAnyCase() {
        given.open(dir, "ledger", LOG);
        ViolationsViewModel model = model();

        model.filterProperty().set("acc-2");
        assertThat(model.shown()).extracting(Violation::position).containsExactly(3, 3);
        model.filterProperty().set(" OPENED ");
        assertThat(model.shown()).extracting(Violation::invariant).containsExactly("opened first");
        model.filterProperty().set("#5");
        assertThat(model.shown()).extracting(Violation::position).containsExactly(5);
        model.filterProperty().set("balance = -4");
        assertThat(model.shown()).extracting(Violation::entity).containsExactly("ACC-1");
        assertThat(model.titleProperty().get()).isEqualTo("Violations (1 of 4)");
        model.filterProperty().set("");
        assertThat(model.shown()).hasSize(4);
    }

    @Test
    void pickingOneMovesTheCursorToItsEvent() {
        given.open(dir, "ledger", LOG);
        ViolationsViewModel model = model();
        List<Integer> moves = new ArrayList<>();
        model.setOnGoTo(moves::add);

        model.goTo(model.shown().get(3));
        model.goTo(null); // a click on an empty row

        assertThat(moves).containsExactly(5);
    }

    @Test
    void nextAndPreviousSkipTheCursorsOwnPosition() {
        given.open(dir, "ledger", LOG);
        ViolationsViewModel model = model();

        assertThat(List.of(model.after(0), model.after(2), model.after(3), model.after(5)))
                .containsExactly(2, 3, 5, -1);
        assertThat(List.of(model.before(0), model.before(2), model.before(3), model.before(6)))
                .containsExactly(-1, -1, 2, 5);
    }

    @Test
    void closingTheSourceEmptiesTheList() {
        given.open(dir, "ledger", LOG);
        ViolationsViewModel model = model();
        given.session.set(null);
        assertThat(model.all()).isEmpty();
        assertThat(model.positions()).isEmpty();
    }
}
