package io.eventscope.ui.heldwindow;

import io.eventscope.load.LoadForecast;
import io.eventscope.source.SourceException;
import io.eventscope.source.SourceSpec;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.TaskRunner;

/**
 * Before a whole load: asks the source its size (a file's bytes, a stream's info) and, when it clearly
 * holds more than the memory budget, has the held window's offer ask which part to load instead of
 * reading until the budget stops. A source that cannot tell its size is loaded as before; one that cannot
 * be opened gets the sentence its load would have given.
 */
public final class SizeCheck {
    private final SessionViewModel sessions;
    private final TaskRunner runner;
    private final HeldWindowViewModel offer;
    private final javafx.beans.property.ReadOnlyBooleanWrapper checking = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private int checks;

    public SizeCheck(SessionViewModel sessions, TaskRunner runner, HeldWindowViewModel offer) {
        this.sessions = sessions;
        this.runner = runner;
        this.offer = offer;
    }

    /** True while a source's size is asked, before its load starts or a window is offered. */
    public javafx.beans.property.ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Opens {@code sourceText} with {@code whole} (a whole load) unless it clearly cannot fit: then offers a window. */
    public void open(String sourceText, Runnable whole) {
        int check = ++checks; // a later open makes this check's answer stale
        offer.withdraw();
        String before = sessions.statusProperty().get();
        sessions.statusProperty().set("Checking the size of " + SourceSpec.redact(sourceText) + " …");
        checking.set(true);
        runner.run(() -> LoadForecast.of(sourceText, sessions.access().password(), sessions.spec(),
                sessions.access().memoryBudgetBytes()), f -> {
            if (check == checks) {
                checking.set(false);
                sessions.statusProperty().set(before);
                if (f != null && f.clearlyTooLarge()) {
                    offer.offerBefore(f, sourceText, whole);
                } else {
                    whole.run();
                }
            }
        }, e -> {
            if (check == checks) {
                checking.set(false);
                sessions.statusProperty().set(before);
                if (e instanceof SourceException) { // the source cannot be read: the load would only fail again, as slowly
                    sessions.showError(e);
                } else {
                    whole.run();
                }
            }
        });
    }
}
