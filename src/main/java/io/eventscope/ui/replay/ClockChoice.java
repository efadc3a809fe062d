package io.eventscope.ui.replay;

import io.eventscope.event.EventTimes;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Which clock the replay bar's times, the chart's time axis and Go to… read: the payload's event time
 * (the default) or the broker's append time. Only sources with broker times (streams, topics) offer the
 * second; a file has none. A newly opened source starts on event time again.
 */
public final class ClockChoice {
    /** Why the toggle is off for a source without broker times (its tooltip). */
    public static final String NO_BROKER_TIME =
            "This source has no broker time (a file holds only the payload's event time)";

    private final SessionViewModel session;
    private final BooleanProperty broker = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final BooleanBinding onBroker = broker.and(available);

    ClockChoice(SessionViewModel session) {
        this.session = session;
        session.sessionProperty().addListener((o, a, n) -> {
            broker.set(false);
            check();
        });
        // A stream's first broker time arrives with its first events, after the session opened.
        session.sizeProperty().addListener((o, a, n) -> check());
        session.loadingProperty().addListener((o, a, n) -> check());
    }

    private void check() {
        Session s = session.session();
        available.set(s != null && s.timeline().hasBrokerTimes());
    }

    /** True to read broker time; the toggle binds to it. */
    public BooleanProperty brokerProperty() {
        return broker;
    }

    /** True when the open source has broker times to switch to. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** True when times are read from the broker's clock now (chosen and available). */
    public BooleanBinding onBrokerProperty() {
        return onBroker;
    }

    /** The chosen clock's time at 1-based {@code position}, or {@link EventTimes#NONE} (also out of range). */
    long timeAt(int position) {
        Session s = session.session();
        if (s == null || position < 1 || position > s.timeline().size()) {
            return EventTimes.NONE;
        }
        return onBroker.get() ? s.timeline().brokerTimeAt(position - 1) : s.timeline().effectiveTimeAt(position - 1);
    }
}
