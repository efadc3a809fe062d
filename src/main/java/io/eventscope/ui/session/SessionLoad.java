package io.eventscope.ui.session;

import io.eventscope.load.LoadedSource;
import io.eventscope.load.LoadedTimelineSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.SourceException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One background read of a source for the window, through the one loader. An open shows the session as
 * soon as its timeline exists; a projection switch instead replays the whole timeline once before
 * anything shows it, so a rule that fails on some event fails here and the old view stays.
 */
final class SessionLoad {
    private SessionLoad() {
    }

    /** How the load gets its events: by opening the source, or by replaying an earlier load. */
    @FunctionalInterface
    interface Opening {
        LoadedSource open(TimelineLoad load) throws SourceException;
    }

    /**
     * Replays {@code current}'s loaded events (its source is not read again, except a held window's, whose
     * history is folded afresh under the new rules). Reads the source when there is no current session or a live tail has added events since its load: a new tail reads on from the
     * end of the load, so replaying those too would show them twice.
     */
    static Opening reprojecting(Session current, String sourceText) {
        if (current != null && current.loaded().prior() != null) { // a held window: fold its history again under the new rules
            long first = current.loaded().positionsBefore() + 1L;
            return load -> load.window(io.eventscope.source.LoadWindow.heldFrom(first)).open(sourceText);
        }
        boolean replay = current != null && current.timeline().size() == current.loaded().loadedCount();
        return replay ? load -> load.open(new LoadedTimelineSource(current.loaded())) : load -> load.open(sourceText);
    }

    /**
     * Runs on the loading thread. {@code started} gets the session before its first event; {@code progress}
     * gets it with each report.
     */
    static Session run(Opening opening, ProjectionSpec spec, long budgetBytes, String password, boolean replayFirst,
            BooleanSupplier cancelled, Consumer<Session> started, BiConsumer<Session, LoadStatus> progress)
            throws SourceException {
        Session[] opened = new Session[1]; // set before the first progress report
        TimelineLoad load = TimelineLoad.under(spec).oneDecodingThread().forViewer().budgetBytes(budgetBytes)
                .password(password).cancelWhen(cancelled)
                .onStart(loaded -> {
                    opened[0] = new Session(loaded);
                    started.accept(opened[0]);
                })
                .progress(st -> progress.accept(opened[0], st));
        opening.open(load);
        if (replayFirst) {
            try {
                opened[0].engine().stateAt(opened[0].timeline().size());
                opened[0].engine().violationPositions();
            } catch (RuntimeException | Error e) {
                opened[0].close();
                throw e;
            }
        }
        return opened[0];
    }
}
