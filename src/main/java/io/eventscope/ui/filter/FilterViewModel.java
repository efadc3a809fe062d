package io.eventscope.ui.filter;

import io.eventscope.event.EventTimes;
import io.eventscope.search.SearchMatcher;
import io.eventscope.search.SearchQuery;
import io.eventscope.search.SearchSyntaxException;
import io.eventscope.ui.session.Session;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.util.Duration;

/**
 * The filter bar's inputs, turned into {@link FilterCriteria} a moment after the user stops typing.
 * A time that cannot be read leaves the criteria as they were and says why. The time range is both
 * text (ISO-8601, blank = open) and a slider over the loaded extent; each follows the other.
 */
public final class FilterViewModel {
    /** Runs the filter once typing has paused; {@code restart} postpones it. */
    public interface Pause {
        void restart();

        void stop();
    }

    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableSet<String> types = FXCollections.observableSet();
    private final StringProperty entity = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final BooleanProperty flaggedOnly = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty();
    private final DoubleProperty rangeMin = new SimpleDoubleProperty(0);
    private final DoubleProperty rangeMax = new SimpleDoubleProperty(1);
    private final DoubleProperty rangeLow = new SimpleDoubleProperty(0);
    private final DoubleProperty rangeHigh = new SimpleDoubleProperty(1);
    private final ObjectProperty<FilterCriteria> criteria;
    private final Pause pause;
    private boolean syncing;
    private Supplier<ZoneId> zone = () -> ZoneOffset.UTC;
    private Supplier<Session> session = () -> null;

    /** In the window: applies 250 ms after the last keystroke. */
    public FilterViewModel(ObjectProperty<FilterCriteria> criteria) {
        this(criteria, action -> {
            PauseTransition p = new PauseTransition(Duration.millis(250));
            p.setOnFinished(e -> action.run());
            return new Pause() {
                @Override
                public void restart() {
                    p.playFromStart();
                }

                @Override
                public void stop() {
                    p.stop();
                }
            };
        });
    }

    /** With the typing pause supplied (tests pass one that never fires and call {@link #apply()}). */
    public FilterViewModel(ObjectProperty<FilterCriteria> criteria, Function<Runnable, Pause> pauses) {
        this.criteria = criteria;
        this.pause = pauses.apply(this::apply);
        text.addListener((o, a, n) -> pause.restart());
        entity.addListener((o, a, n) -> pause.restart());
        from.addListener((o, a, n) -> {
            textToSlider();
            pause.restart();
        });
        to.addListener((o, a, n) -> {
            textToSlider();
            pause.restart();
        });
        types.addListener((javafx.collections.SetChangeListener<String>) c -> apply());
        flaggedOnly.addListener((o, a, n) -> apply());
        rangeLow.addListener((o, a, n) -> sliderToText());
        rangeHigh.addListener((o, a, n) -> sliderToText());
        rangeMin.addListener((o, a, n) -> textToSlider());
        rangeMax.addListener((o, a, n) -> textToSlider());
    }

    /** Applies the inputs now (Enter, or the end of the typing pause). */
    public void apply() {
        pause.stop();
        Instant f;
        Instant t;
        try {
            f = time(from.get());
            t = time(to.get());
        } catch (DateTimeParseException | ArithmeticException e) {
            problem.set("Times must be ISO-8601, like 2024-03-01T09:00:00Z.");
            return;
        }
        SearchQuery query;
        try {
            query = SearchQuery.parse(text.get(), zone.get());
        } catch (SearchSyntaxException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set(maskedNote(query));
        criteria.set(new FilterCriteria(query, types, entity.get(), f, t, flaggedOnly.get()));
    }

    /**
     * Times typed without a zone are read in {@code zone} (the one the window shows); {@code session}'s masks
     * say which terms name a hidden value.
     */
    public void readWith(Supplier<ZoneId> zone, Supplier<Session> session) {
        this.zone = zone;
        this.session = session;
    }

    /** A term on a masked value matches nothing (it must not tell whether a hidden value exists): say so. */
    private String maskedNote(SearchQuery query) {
        Session s = session.get();
        String name = s == null ? null : SearchMatcher.maskedName(query, s.spec(), s.masks());
        return name == null ? null : "\"" + name + "\" is masked, so it matches no event; reveal masked values "
                + "(View → Reveal masked values) to search it.";
    }

    public void clear() {
        text.set("");
        types.clear();
        entity.set("");
        from.set("");
        to.set("");
        flaggedOnly.set(false);
        apply();
    }

    private static Instant time(String s) {
        return s == null || s.isBlank() ? null : EventTimes.toInstant(EventTimes.parse(s.trim()));
    }

    /** A dragged thumb writes its time; a thumb at the end of the extent means "open" (blank). */
    private void sliderToText() {
        if (syncing) {
            return;
        }
        syncing = true;
        double low = rangeLow.get();
        double high = rangeHigh.get();
        from.set(low <= rangeMin.get() ? ""
                : Instant.ofEpochMilli((long) low).truncatedTo(ChronoUnit.SECONDS).toString());
        to.set(high >= rangeMax.get() ? ""
                : Instant.ofEpochMilli((long) Math.ceil(high)).plusMillis(999).truncatedTo(ChronoUnit.SECONDS).toString());
        syncing = false;
    }

    /** Typed times (or a grown extent) move the thumbs; unreadable text leaves them where they are. */
    private void textToSlider() {
        if (syncing) {
            return;
        }
        syncing = true;
        rangeLow.set(thumb(from.get(), rangeMin.get(), rangeLow.get()));
        rangeHigh.set(thumb(to.get(), rangeMax.get(), rangeHigh.get()));
        syncing = false;
    }

    private double thumb(String text, double open, double unchanged) {
        try {
            Instant t = time(text);
            if (t == null) {
                return open;
            }
            return Math.max(rangeMin.get(), Math.min(rangeMax.get(), t.toEpochMilli()));
        } catch (DateTimeParseException | ArithmeticException e) {
            return unchanged;
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The types shown; empty = every type. */
    public ObservableSet<String> types() {
        return types;
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

    /** The slider's ends: the loaded time extent, epoch milliseconds (bound by the window's model). */
    public DoubleProperty rangeMinProperty() {
        return rangeMin;
    }

    public DoubleProperty rangeMaxProperty() {
        return rangeMax;
    }

    /** The slider's thumbs, epoch milliseconds; kept in step with {@link #fromProperty()} / {@link #toProperty()}. */
    public DoubleProperty rangeLowProperty() {
        return rangeLow;
    }

    public DoubleProperty rangeHighProperty() {
        return rangeHigh;
    }
}
