package io.eventscope.ui.session;

import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.SourceSpec;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.task.FxTicker;
import io.eventscope.ui.task.TaskRunner;
import io.eventscope.ui.task.Ticker;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * The opened source as the window sees it: the current session, its size (polled a few times a second, so the
 * table grows in batches), load progress, live state and the one error sentence to show. FX thread only.
 */
public final class SessionViewModel {
    /** How often the loaded size is published to the views while events arrive. */
    static final Duration POLL = Duration.millis(250);

    private final TaskRunner runner;
    private final ObjectProperty<ProjectionSpec> spec = new SimpleObjectProperty<>();
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final IntegerProperty size = new SimpleIntegerProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("No source open.");
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty title = new SimpleStringProperty("Eventscope");
    private final BooleanProperty live = new SimpleBooleanProperty();
    private final Ticker poller;
    private final LiveFollowing following;
    private final LoadAccess access = new LoadAccess();
    private long loadStarted;
    private boolean attachedSinceOpen;
    private volatile int opens;
    private int switching;
    private String statusBefore;

    /** Polls on the FX clock; needs a running FX toolkit. */
    public SessionViewModel(TaskRunner runner, ProjectionSpec spec) {
        this(runner, spec, new FxTicker(POLL));
    }

    /** @param poller the clock that publishes the growing size (tests tick it by hand) */
    public SessionViewModel(TaskRunner runner, ProjectionSpec spec, Ticker poller) {
        this.runner = runner;
        this.spec.set(spec);
        this.poller = poller;
        this.following = new LiveFollowing(runner, session, live, status, error, this::failed);
        poller.start(this::poll);
    }

    /** The projection sources are read with: the one the window started with, or the last one switched to. */
    public ProjectionSpec spec() {
        return spec.get();
    }

    public ReadOnlyObjectProperty<ProjectionSpec> specProperty() {
        return spec;
    }

    /** The memory budget and the fallback password every load of this window uses. */
    public LoadAccess access() {
        return access;
    }

    /** Opens {@code sourceText} (path, URI, {@code bundled:sample}); the current source stays until it has opened. */
    public void open(String sourceText) {
        load(SourceSpec.redact(sourceText), l -> l.open(sourceText), spec.get(), null);
    }

    /**
     * Replays the loaded events under {@code next} (reads {@code sourceText} while a load still runs), then shows
     * them; until then, and for good on a failure (one error sentence), nothing changes. Then {@code whenSwitched}.
     */
    public void reproject(String sourceText, ProjectionSpec next, Runnable whenSwitched) {
        if (sourceText == null) { // nothing open: the next open reads with it
            spec.set(next);
            whenSwitched.run();
            return;
        }
        load(SourceSpec.redact(sourceText), SessionLoad.reprojecting(loading.get() ? null : session.get(), sourceText),
                next, whenSwitched);
    }

    /** Reads {@code sourceText} (only {@code window} of a stream) under {@code under}, shown as {@link #reproject} does. */
    public void open(String sourceText, ProjectionSpec under, io.eventscope.source.LoadWindow window, Runnable shown) {
        load(SourceSpec.redact(sourceText), l -> l.window(window).open(sourceText), under, shown);
    }

    /** @param whenSwitched null: show the new session as soon as it opens; else only once fully replayed */
    private void load(String shownName, SessionLoad.Opening opening, ProjectionSpec under, Runnable whenSwitched) {
        boolean early = whenSwitched == null;
        statusBefore = status.get();
        error.set(null);
        loading.set(true);
        progress.set(-1);
        progressText.set("Opening " + shownName + " …");
        loadStarted = System.nanoTime();
        attachedSinceOpen = false;
        int generation = ++opens;
        switching = early ? 0 : generation;
        runner.run(() -> SessionLoad.run(opening, under, access.memoryBudgetBytes(), access.password(), !early,
                early ? () -> false : () -> generation != opens,
                s -> runner.onFx(() -> {
                    if (early) {
                        attach(s);
                    }
                }),
                (s, st) -> runner.onFx(() -> showProgress(early ? s : session.get(), st))), s -> {
            if (!early && generation != opens) {
                s.close(); // cancelled, or a later open replaced this switch
                return;
            }
            if (!early) {
                switching = 0;
                spec.set(under);
                Session.handOverSource(session.get(), s);
                attach(s);
            }
            loaded(s);
            if (!early) {
                whenSwitched.run();
            }
        }, e -> {
            if (generation == opens) { // else a later open replaced this one: its failure is no longer news
                switching = 0;
                if (!attachedSinceOpen) {
                    status.set(statusBefore); // the old source is still shown: keep its status line
                }
                failed(e);
            }
        });
    }

    /** Stops a running load; the events read so far stay. */
    public void cancelLoad() {
        if (switching != 0) {
            opens++; // the switch's load stops and its result is dropped; the old projection stays
            switching = 0;
            stopped();
            status.set(statusBefore);
            return;
        }
        Session s = session.get();
        if (s != null && loading.get()) {
            s.cancel();
        }
    }

    private void attach(Session s) {
        closeCurrent();
        attachedSinceOpen = true;
        session.set(s);
        size.set(0);
        title.set("Eventscope — " + s.source().displayName());
    }

    private void showProgress(Session s, LoadStatus st) {
        if (s != session.get() || !loading.get()) {
            return;
        }
        progress.set(st.fraction() >= 0 ? st.fraction() : -1);
        progressText.set(LoadSummary.progress(st));
    }

    private void loaded(Session s) {
        if (s != session.get()) {
            return; // a newer open replaced it
        }
        stopped();
        status.set(LoadSummary.finished(s, (System.nanoTime() - loadStarted) / 1e9));
        if (s.loaded().partial()) {
            error.set(s.loaded().stoppedEarly());
            return;
        }
        if (!s.cancelled() && s.loaded().canFollow()) {
            following.start(s);
        }
    }

    /** Stops following the live source; loaded events stay. */
    public void stopLive() {
        following.stop();
    }

    /** A load ended, however: the views get the final size, the progress indicators go away. */
    private void stopped() {
        poll();
        loading.set(false);
        progress.set(1);
        progressText.set("");
    }

    private void failed(Throwable e) {
        stopped();
        error.set(UserMessages.of(e));
        Session s = session.get();
        if (s != null && attachedSinceOpen) {
            status.set(Formats.count(s.timeline().size()) + " events kept.");
        }
    }

    private void poll() {
        Session s = session.get();
        if (s != null) {
            int n = s.timeline().size();
            if (n != size.get()) {
                size.set(n);
            }
        }
    }

    private void closeCurrent() {
        Session old = session.get();
        if (old != null) {
            live.set(false);
            runner.run(() -> {
                old.close();
                return Boolean.TRUE;
            }, ok -> { }, e -> { });
        }
    }

    public void dismissError() {
        error.set(null);
    }

    /** Reports a problem from elsewhere in the window as the one message to show. */
    public void showError(Throwable e) {
        error.set(UserMessages.of(e));
    }

    public void dispose() {
        poller.stop();
        closeCurrent();
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session;
    }

    public Session session() {
        return session.get();
    }

    public ReadOnlyIntegerProperty sizeProperty() {
        return size;
    }

    public int size() {
        return size.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live;
    }
}
