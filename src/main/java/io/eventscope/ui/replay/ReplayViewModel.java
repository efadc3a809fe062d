package io.eventscope.ui.replay;

import io.eventscope.event.EventTimes;
import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.TaskRunner;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.IntUnaryOperator;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The replay cursor: how many positions are folded into the state shown (0 = before the first event).
 * Every view (slider, table selection, state panel, chart cursor, detail) follows this one number.
 */
public final class ReplayViewModel {
    /** Playback speeds offered, in events per second. */
    public static final int[] SPEEDS = {1, 10, 100, 1_000, 10_000};

    private final SessionViewModel session;
    private final TaskRunner runner;
    private final IntegerProperty cursor = new SimpleIntegerProperty();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final BooleanProperty follow = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> speed = new SimpleObjectProperty<>(100);
    private final BooleanProperty stopAtViolations = new SimpleBooleanProperty(true);
    private IntUnaryOperator violationAfter = p -> -1;
    private IntUnaryOperator violationBefore = p -> -1;
    private final ClockChoice clock;
    private final CursorTimes times;
    private final StringBinding where;
    private final StringBinding firstTime;
    private final StringBinding lastTime;
    private final javafx.beans.binding.ObjectBinding<java.util.function.IntFunction<String>> axisLabels;
    private AnimationTimer player; // made on first play: tests of this model need no running toolkit
    private long lastFrame;
    private double carry;
    private boolean userMoved;

    public ReplayViewModel(SessionViewModel session, TaskRunner runner, TimeDisplay display) {
        this.session = session;
        this.runner = runner;
        this.clock = new ClockChoice(session);
        this.times = new CursorTimes(session, display, clock);
        var onBroker = clock.onBrokerProperty();
        where = Bindings.createStringBinding(() -> times.where(cursor.get()), cursor, session.sizeProperty(),
                display.zoneProperty(), onBroker);
        firstTime = Bindings.createStringBinding(() -> times.edge(1), session.sizeProperty(), display.zoneProperty(),
                onBroker);
        lastTime = Bindings.createStringBinding(() -> times.edge(session.size()), session.sizeProperty(),
                display.zoneProperty(), onBroker);
        axisLabels = Bindings.createObjectBinding(() -> times::axis, display.zoneProperty(), onBroker);
        playing.addListener((o, a, on) -> {
            if (on) {
                lastFrame = 0;
                carry = 0;
                player().start();
            } else if (player != null) {
                player.stop();
            }
        });
        session.sizeProperty().addListener((o, a, n) -> sizeChanged(a.intValue(), n.intValue()));
        session.sessionProperty().addListener((o, a, n) -> {
            playing.set(false);
            userMoved = false;
            cursor.set(0);
        });
        session.loadingProperty().addListener((o, was, loading) -> {
            // A finished load shows the state after everything, unless the user already moved the cursor.
            if (was && !loading && !userMoved) {
                cursor.set(session.size());
            }
        });
        follow.addListener((o, a, on) -> {
            if (on) {
                cursor.set(session.size());
            }
        });
    }

    private AnimationTimer player() {
        if (player == null) {
            player = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    advance(now);
                }
            };
        }
        return player;
    }

    private void sizeChanged(int oldSize, int newSize) {
        if (cursor.get() > newSize) {
            cursor.set(newSize);
        } else if (follow.get()) {
            cursor.set(newSize);
        }
    }

    /** The last position the cursor can reach: the loaded size. */
    public javafx.beans.property.ReadOnlyIntegerProperty endProperty() {
        return session.sizeProperty();
    }

    public IntegerProperty cursorProperty() {
        return cursor;
    }

    public int cursor() {
        return cursor.get();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public ObjectProperty<Integer> speedProperty() {
        return speed;
    }

    /** Play pauses on the next event that breaks an invariant (on by default: an auditor wants to see it). */
    public BooleanProperty stopAtViolationsProperty() {
        return stopAtViolations;
    }

    /**
     * Where the violations are: the first violation position after a position, and the last one before it
     * (-1 when none). The violations list provides them.
     */
    public void setViolations(IntUnaryOperator after, IntUnaryOperator before) {
        this.violationAfter = after;
        this.violationBefore = before;
    }

    /** Moves to the next violation after the cursor (F8); false when there is none. */
    public boolean nextViolation() {
        int p = violationAfter.applyAsInt(cursor.get());
        if (p < 0 || p > session.size()) {
            return false;
        }
        playing.set(false);
        moveTo(p);
        return true;
    }

    /** Moves to the last violation before the cursor (Shift+F8); false when there is none. */
    public boolean previousViolation() {
        int p = violationBefore.applyAsInt(cursor.get());
        if (p < 0) {
            return false;
        }
        playing.set(false);
        moveTo(p);
        return true;
    }

    /** Where the cursor is, for the replay bar: "#18,204 · 2024-03-01 09:41:12.000Z". */
    public StringBinding whereProperty() {
        return where;
    }

    /** The first position's time to the minute (or its number when it has no time); "" when empty. */
    public StringBinding firstTimeProperty() {
        return firstTime;
    }

    /** The last position's time, as {@link #firstTimeProperty()}. */
    public StringBinding lastTimeProperty() {
        return lastTime;
    }

    /** Event time or broker time: which clock the bar's times, the chart's axis and Go to… read. */
    public ClockChoice clock() {
        return clock;
    }

    /** The chart's x-axis labels (a position's time on the chosen clock); a new function when the clock changes. */
    public javafx.beans.binding.ObjectBinding<java.util.function.IntFunction<String>> axisLabelsProperty() {
        return axisLabels;
    }

    /** What Go to… offers for {@code typed}: the first, cursor and last times in the form it accepts. */
    public java.util.List<String> goToSuggestions(String typed) {
        return times.suggestions(cursor.get(), typed);
    }

    /** Moves the cursor to {@code position}, clamped to 0..size. */
    public void moveTo(int position) {
        userMoved = true;
        int clamped = Math.max(0, Math.min(session.size(), position));
        if (clamped != session.size()) {
            follow.set(false);
        }
        cursor.set(clamped);
    }

    public void step(int delta) {
        moveTo((int) Math.max(0, Math.min(Integer.MAX_VALUE, (long) cursor.get() + delta)));
    }

    public void toStart() {
        moveTo(0);
    }

    public void toEnd() {
        moveTo(session.size());
    }

    public void togglePlay() {
        if (!playing.get() && cursor.get() >= session.size()) {
            cursor.set(0); // replay from the start when already at the end
        }
        playing.set(!playing.get());
    }

    /**
     * Goes to a position ("18204", "#18,204") or a time (ISO-8601 instant) on the chosen clock: the end of
     * the longest run of events from the first whose times are all at or before it (so a late event does
     * not stop it early; see {@code ReplayEngine.positionAtTime}). Returns a sentence for the user when the
     * text is neither, else null.
     */
    public String goTo(String text) {
        String t = text == null ? "" : text.trim().replace(",", "").replace("#", "");
        if (t.isEmpty()) {
            return "Type a position (e.g. 1200) or a time (e.g. 2024-03-01T09:41:12Z).";
        }
        if (t.chars().allMatch(Character::isDigit) && t.length() <= 10) {
            long p = Long.parseLong(t);
            if (p > session.size()) {
                return "Position " + text.trim() + " is beyond the end (" + session.size() + " positions).";
            }
            moveTo((int) p);
            return null;
        }
        Instant at;
        try {
            at = EventTimes.toInstant(EventTimes.parse(text.trim()));
        } catch (DateTimeParseException | ArithmeticException e) {
            return "\"" + text.trim() + "\" is neither a position nor an ISO-8601 time like 2024-03-01T09:41:12Z.";
        }
        var s = session.session();
        if (s != null) {
            boolean broker = clock.onBrokerProperty().get();
            runner.run(() -> broker ? s.engine().positionAtBrokerTime(at) : s.engine().positionAtTime(at), this::moveTo,
                    session::showError);
        }
        return null;
    }

    /** One animation frame at {@code now} nanoseconds (package-private: tests drive frames by hand). */
    void advance(long now) {
        if (lastFrame == 0) {
            lastFrame = now;
            return;
        }
        carry += speed.get() * (now - lastFrame) / 1e9;
        lastFrame = now;
        int whole = (int) carry;
        if (whole > 0) {
            carry -= whole;
            int next = Math.min(session.size(), cursor.get() + whole);
            int violation = stopAtViolations.get() ? violationAfter.applyAsInt(cursor.get()) : -1;
            if (violation > 0 && violation <= next) {
                cursor.set(violation); // the state right after the event that broke the check
                playing.set(false);
                return;
            }
            cursor.set(next);
            if (next >= session.size()) {
                playing.set(false);
            }
        }
    }
}
