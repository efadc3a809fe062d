package io.eventscope.ui;

import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.ui.chart.ChartViewModel;
import io.eventscope.ui.detail.DetailViewModel;
import io.eventscope.ui.filter.FilterViewModel;
import io.eventscope.ui.replay.ReplayViewModel;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.state.EntityRow;
import io.eventscope.ui.state.StateViewModel;
import io.eventscope.ui.task.TaskRunner;
import io.eventscope.ui.timeline.TimelineTableViewModel;
import java.util.Comparator;
import java.util.List;

/**
 * Wires the feature view models of one window together. Holds no logic of its own beyond the first
 * choice of entities to chart (the busiest three), so an opened source never shows an empty chart.
 */
public final class MainViewModel {
    static final int AUTO_CHARTED = 3;

    private final SessionViewModel session;
    private final TimelineTableViewModel table;
    private final FilterViewModel filter;
    private final ReplayViewModel replay;
    private final StateViewModel state;
    private final ChartViewModel chart;
    private final DetailViewModel detail;
    private final TimeDisplay times;
    private boolean autoPicked;

    public MainViewModel(TaskRunner runner, ProjectionSpec spec) {
        this(runner, spec, java.time.ZoneId.systemDefault());
    }

    public MainViewModel(TaskRunner runner, ProjectionSpec spec, java.time.ZoneId localZone) {
        times = new TimeDisplay(localZone);
        session = new SessionViewModel(runner, spec);
        table = new TimelineTableViewModel(session, runner);
        filter = new FilterViewModel(table.criteriaProperty());
        replay = new ReplayViewModel(session, runner);
        state = new StateViewModel(session, replay, runner);
        chart = new ChartViewModel(session, state.selectedEntities(), runner);
        detail = new DetailViewModel(session, replay.cursorProperty(), times, runner);
        session.sessionProperty().addListener((o, a, n) -> autoPicked = false);
        state.shownPositionProperty().addListener((o, a, n) -> pickDefaultEntities());
    }

    private void pickDefaultEntities() {
        if (autoPicked || !state.selectedEntities().isEmpty() || state.allRows().isEmpty()) {
            return;
        }
        if (session.loadingProperty().get() && state.allRows().size() < AUTO_CHARTED) {
            return; // wait until there is a choice
        }
        autoPicked = true;
        List<String> busiest = state.allRows().stream()
                .sorted(Comparator.comparingInt(EntityRow::events).reversed().thenComparing(EntityRow::entity))
                .limit(AUTO_CHARTED).map(EntityRow::entity).toList();
        state.selectedEntities().setAll(busiest);
    }

    public TimeDisplay times() {
        return times;
    }

    public void open(String source) {
        session.open(source);
    }

    public SessionViewModel session() {
        return session;
    }

    public TimelineTableViewModel table() {
        return table;
    }

    public FilterViewModel filter() {
        return filter;
    }

    public ReplayViewModel replay() {
        return replay;
    }

    public StateViewModel state() {
        return state;
    }

    public ChartViewModel chart() {
        return chart;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public void dispose() {
        replay.playingProperty().set(false);
        session.dispose();
    }
}
