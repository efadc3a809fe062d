package io.eventscope.ui.filter;

import io.eventscope.event.EventTimes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * The filter bar's inputs, turned into {@link FilterCriteria} a moment after the user stops typing.
 * A time that cannot be read leaves the criteria as they were and says why.
 */
public final class FilterViewModel {
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty();
    private final StringProperty entity = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final BooleanProperty flaggedOnly = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty();
    private final ObjectProperty<FilterCriteria> criteria;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(250));

    public FilterViewModel(ObjectProperty<FilterCriteria> criteria) {
        this.criteria = criteria;
        debounce.setOnFinished(e -> apply());
        text.addListener((o, a, n) -> debounce.playFromStart());
        entity.addListener((o, a, n) -> debounce.playFromStart());
        from.addListener((o, a, n) -> debounce.playFromStart());
        to.addListener((o, a, n) -> debounce.playFromStart());
        type.addListener((o, a, n) -> apply());
        flaggedOnly.addListener((o, a, n) -> apply());
    }

    /** Applies the inputs now (Enter, or the end of the typing pause). */
    public void apply() {
        debounce.stop();
        Instant f;
        Instant t;
        try {
            f = time(from.get());
            t = time(to.get());
        } catch (DateTimeParseException | ArithmeticException e) {
            problem.set("Times must be ISO-8601, like 2024-03-01T09:00:00Z.");
            return;
        }
        problem.set(null);
        criteria.set(new FilterCriteria(text.get(), type.get(), entity.get(), f, t, flaggedOnly.get()));
    }

    public void clear() {
        text.set("");
        type.set(null);
        entity.set("");
        from.set("");
        to.set("");
        flaggedOnly.set(false);
        apply();
    }

    private static Instant time(String s) {
        return s == null || s.isBlank() ? null : EventTimes.toInstant(EventTimes.parse(s.trim()));
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty entityProperty() {
        return entity;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public BooleanProperty flaggedOnlyProperty() {
        return flaggedOnly;
    }

    public StringProperty problemProperty() {
        return problem;
    }
}
