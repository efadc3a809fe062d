package io.eventscope.ui.session;

import io.eventscope.replay.ProjectionSpec;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableObjectValue;

/**
 * The little of the open source that the feature view models watch: which session is current, how many
 * of its events are published to the views, whether it is still loading, where a problem is reported,
 * and the projection the window starts with (each session carries the one it was read with, see
 * {@link #currentSpec()}). A {@link SessionViewModel} provides it in the window; tests build one from plain properties,
 * without the FX toolkit.
 */
public record SessionFeed(ObservableObjectValue<Session> session, ObservableIntegerValue size,
                          ObservableBooleanValue loading, Consumer<Throwable> errors, ProjectionSpec spec) {

    public static SessionFeed of(SessionViewModel model) {
        return new SessionFeed(model.sessionProperty(), model.sizeProperty(), model.loadingProperty(),
                model::showError, model.spec());
    }

    /** The current session, or null when none is open. */
    public Session current() {
        return session.get();
    }

    /** The projection of the current session, else the window's first one: what headings and series name. */
    public ProjectionSpec currentSpec() {
        Session s = session.get();
        return s == null ? spec : s.spec();
    }

    /** Events published to the views so far. */
    public int loadedSize() {
        return size.get();
    }
}
