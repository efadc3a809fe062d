package io.eventscope.ui.heldwindow;

import io.eventscope.load.BudgetMessage;
import io.eventscope.load.LoadForecast;
import io.eventscope.load.LoadedSource;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadWindow;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.TaskRunner;
import io.eventscope.event.EventTimes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A source larger than the memory budget: before a load, when its size clearly exceeds the budget
 * ({@link SizeCheck}), or once a load stops at the budget, offers in one sentence to load a held window
 * instead (the last N events, N from what fits, or those since a time), and, for a held window, says where
 * it lies on the whole source and that the history before it is folded in. Accepting reads the window
 * while the current load stays shown; only a window that opened replaces it.
 */
public final class HeldWindowViewModel {
    /** Share of what fitted that the offered window holds: room for the folded state and checkpoints. */
    static final double SHARE = 0.9;
    /** The same before a load, of what is estimated to fit: the estimate errs towards "fits" by up to a fifth. */
    static final double SHARE_BEFORE = 0.75;
    static final String KEEP = "Keep what is loaded";
    static final String WHOLE = "Load from the start";

    /** Reads a held window of the source, showing it only once it has opened. */
    @FunctionalInterface
    public interface Opener {
        void open(String sourceText, LoadWindow window);
    }

    private final SessionViewModel sessions;
    private final TaskRunner runner;
    private final Supplier<String> sourceText;
    private final Opener opener;
    private final ReadOnlyStringWrapper offer = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper extent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper carriedIn = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keepText = new ReadOnlyStringWrapper(KEEP);
    /** Before a load: the whole load the third answer starts (null once a load stopped at the budget). */
    private Runnable whole;
    /** The user chose the whole load over the offer: its stop at the budget is no news to offer on. */
    private boolean wholeChosen;
    private long offeredLast;
    private String offeredSource;
    /** The session last offered for: a failed window load leaves it shown, and its error stays unhidden. */
    private Session offeredFor;

    public HeldWindowViewModel(SessionViewModel sessions, TaskRunner runner, Supplier<String> sourceText, Opener opener) {
        this.sessions = sessions;
        this.runner = runner;
        this.sourceText = sourceText;
        this.opener = opener;
        sessions.loadingProperty().addListener((o, was, now) -> {
            if (!now) {
                loadEnded();
            }
        });
        sessions.sessionProperty().addListener((o, a, n) -> {
            withdraw();
            showExtent();
        });
        sessions.sizeProperty().addListener((o, a, n) -> showExtent());
        // the offer says what the budget sentence says, and what to do: one sentence, not two
        sessions.errorProperty().addListener((o, a, n) -> {
            if (n != null && offer.get() != null && n.equals(stoppedEarly())) {
                sessions.dismissError();
            }
        });
    }

    private String stoppedEarly() {
        Session s = sessions.session();
        return s == null ? null : s.loaded().stoppedEarly();
    }

    private void loadEnded() {
        Session s = sessions.session();
        showExtent();
        boolean chosen = wholeChosen; // this is the load the user chose over the offer
        wholeChosen = false;
        // (whole: an offer before loading another source is pending; this load's stop is not the question now)
        if (s == null || !s.loaded().partial() || s.cancelled() || s == offeredFor || chosen || whole != null) {
            return;
        }
        offeredFor = s;
        LoadedSource loaded = s.loaded();
        int fitted = s.timeline().size();
        long last = roundDown((long) (fitted * SHARE));
        String text = sourceText.get();
        EventSource source = loaded.source();
        runner.run(source::positionCount, total -> {
            if (s == sessions.session()) {
                offer(total, fitted, last, loaded.budgetBytes(), text);
            }
        }, e -> {
            if (s == sessions.session()) {
                offer(-1, fitted, last, loaded.budgetBytes(), text);
            }
        });
    }

    /** Before reading {@code text}: offers a window of what {@code forecast} says fits; "Load from the start" runs {@code wholeLoad}. */
    void offerBefore(LoadForecast forecast, String text, Runnable wholeLoad) {
        whole = wholeLoad;
        keepText.set(WHOLE);
        offer(forecast.total(), (int) Math.min(forecast.fits(), Integer.MAX_VALUE),
                roundDown((long) (forecast.fits() * SHARE_BEFORE)), forecast.budgetBytes(), text);
        if (offer.get() == null) { // not even one event fits: the load says so itself
            withdraw();
            wholeLoad.run();
        }
    }

    /** Takes the offer away (another source is being opened). */
    void withdraw() {
        offer.set(null);
        whole = null;
        keepText.set(KEEP);
    }

    private void offer(long total, int fitted, long last, long budget, String text) {
        if (text == null || last < 1) { // nothing fitted: no window would either
            return;
        }
        offeredLast = total > 0 ? last : 0; // a source that cannot count its events has no "last N" to offer
        offeredSource = text;
        String holds = total > 0 ? "This source holds " + Formats.count(total) + " events, more than fit in the "
                + "memory budget (" + BudgetMessage.size(budget) + ")"
                : "This source holds more events than fit in the memory budget (" + BudgetMessage.size(budget)
                + ": " + Formats.count(fitted) + " did)";
        offer.set(holds + (offeredLast > 0 ? "; load the last " + Formats.count(last) + " events or those since a time?"
                : "; load those since a time?"));
        if (stoppedEarly() != null && stoppedEarly().equals(sessions.errorProperty().get())) {
            sessions.dismissError();
        }
    }

    /** Two significant digits, down: 1,512,345 → 1,500,000 (a window the sentence can name plainly). */
    static long roundDown(long n) {
        if (n < 100) {
            return n;
        }
        long unit = 1;
        while (n / unit >= 100) {
            unit *= 10;
        }
        return n / unit * unit;
    }

    /** The offer's sentence, or null when there is nothing to offer. */
    public ReadOnlyStringProperty offerProperty() {
        return offer.getReadOnlyProperty();
    }

    /** How many events "Load the last N" holds; 0 when the source cannot count its events (only "since" is offered). */
    public long offeredLast() {
        return offeredLast;
    }

    /** Loads the last {@link #offeredLast()} events, the history before them folded in. */
    public void loadLast() {
        accept(LoadWindow.heldLast(offeredLast));
    }

    /**
     * Loads the events since the time {@code text} names (ISO-8601), the history before them folded in.
     * Returns a sentence for the user when the text is not a time, else null.
     */
    public String loadSince(String text) {
        Instant since;
        try {
            since = EventTimes.toInstant(EventTimes.parse(text == null ? "" : text));
        } catch (DateTimeParseException | ArithmeticException e) {
            return "\"" + (text == null ? "" : text.trim()) + "\" is not an ISO-8601 time like 2024-03-01T09:41:12Z.";
        }
        accept(LoadWindow.heldSince(since));
        return null;
    }

    /** Keeps what is loaded (before a load: loads from the start until the budget stops it); the offer goes away. */
    public void keep() {
        Runnable load = whole;
        withdraw();
        if (load != null) {
            wholeChosen = true;
            load.run();
        }
    }

    /** The third answer's words: "Keep what is loaded", or before a load "Load from the start". */
    public ReadOnlyStringProperty keepTextProperty() {
        return keepText.getReadOnlyProperty();
    }

    private void accept(LoadWindow window) {
        String text = offeredSource;
        withdraw();
        if (text != null) {
            opener.open(text, window);
        }
    }

    /** "Events 10,500,001–12,000,000 of 12,000,000 · earlier history folded in, not shown", or "" for a whole load. */
    public ReadOnlyStringProperty extentProperty() {
        return extent.getReadOnlyProperty();
    }

    /** What the chart says of its first point in a held window ("" otherwise). */
    public ReadOnlyStringProperty carriedInProperty() {
        return carriedIn.getReadOnlyProperty();
    }

    private void showExtent() {
        Session s = sessions.session();
        int before = s == null ? 0 : s.loaded().positionsBefore();
        if (before == 0) {
            extent.set("");
            carriedIn.set("");
            return;
        }
        long last = (long) before + sessions.size();
        if (sessions.size() == 0 && s.timeline().size() == 0) { // a start past the end (--from-position, --since)
            extent.set("No events from #" + Formats.count(before + 1L) + " on: all " + Formats.count(before)
                    + " events of the source come before the window, folded in");
            carriedIn.set("");
            return;
        }
        extent.set("Events " + Formats.count(before + 1L) + "–" + Formats.count(last) + " of " + Formats.count(last)
                + " · earlier history folded in, not shown");
        carriedIn.set("Balances carried in from " + Formats.count(before) + " earlier events");
    }
}
