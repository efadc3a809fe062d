package io.eventscope.ui.session;

import io.eventscope.source.SourceException;
import io.eventscope.ui.task.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;

/**
 * The live tail of the window's current session: started after a complete load of a station or stream,
 * noted in the status line, stopped on request, and its loss reported as the one error sentence.
 */
final class LiveFollowing {
    private final TaskRunner runner;
    private final ObservableObjectValue<Session> current;
    private final BooleanProperty live;
    private final StringProperty status;
    private final StringProperty error;
    private final Consumer<Throwable> failed;

    LiveFollowing(TaskRunner runner, ObservableObjectValue<Session> current, BooleanProperty live,
            StringProperty status, StringProperty error, Consumer<Throwable> failed) {
        this.runner = runner;
        this.current = current;
        this.live = live;
        this.status = status;
        this.error = error;
        this.failed = failed;
    }

    void start(Session s) {
        runner.run(() -> s.loaded().follow(problem -> runner.onFx(() -> lost(s, problem))), tail -> {
            if (s != current.get()) {
                tail.close();
                return;
            }
            s.tail(tail);
            live.set(true);
            status.set(status.get() + " · live");
        }, failed);
    }

    private void lost(Session s, SourceException problem) {
        if (s == current.get()) {
            live.set(false);
            error.set(problem.getMessage());
        }
    }

    void stop() {
        Session s = current.get();
        if (s != null) {
            runner.run(() -> {
                s.stopLive();
                return Boolean.TRUE;
            }, ok -> live.set(false), failed);
        }
    }
}
