package io.eventscope.ui.chart;

import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.LatestWins;
import io.eventscope.ui.task.TaskRunner;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The series of the projection's primary decimal field (e.g. the balance) of the entities picked in the
 * state panel, built off the FX thread and extended
 * (not rebuilt) as events arrive, at most twice a second.
 */
public final class ChartViewModel {
    private record Build(SeriesBuilder builder, int size) {
    }

    private record Built(SeriesBuilder builder, int size, List<BalanceSeries> series) {
    }

    private final SessionFeed session;
    private final ObservableList<String> entities;
    private final ObjectProperty<List<BalanceSeries>> series = new SimpleObjectProperty<>(List.of());
    private final LatestWins<Build, Built> builds;
    private SeriesBuilder builder;
    private long lastBuild;
    private int lastSize = -1;

    public ChartViewModel(SessionViewModel session, ObservableList<String> entities, TaskRunner runner) {
        this(SessionFeed.of(session), entities, runner);
    }

    public ChartViewModel(SessionFeed session, ObservableList<String> entities, TaskRunner runner) {
        this.session = session;
        this.entities = entities;
        builds = new LatestWins<>(runner, b -> new Built(b.builder(), b.size(), b.builder().extendTo(b.size())), this::show,
                session.errors());
        entities.addListener((ListChangeListener<String>) c -> rebuild());
        session.session().addListener((o, a, n) -> rebuild());
        session.size().addListener((o, a, n) -> grown());
        session.loading().addListener((o, a, loading) -> {
            if (!loading) {
                extend();
            }
        });
    }

    /** The charted field's name from the projection (e.g. "balance"); empty when it has none. */
    public String field() {
        String f = session.spec().primaryField();
        return f == null ? "" : f;
    }

    public ObjectProperty<List<BalanceSeries>> seriesProperty() {
        return series;
    }

    /** True when the series cover every loaded position. */
    public boolean upToDate() {
        return !builds.busy() && (builder == null
                || builder.entities().equals(List.copyOf(entities)) && lastSize == session.loadedSize());
    }

    private void rebuild() {
        Session s = session.current();
        if (s == null || entities.isEmpty()) {
            builder = null;
            lastSize = -1;
            series.set(List.of());
            return;
        }
        builder = new SeriesBuilder(s.timeline(), s.engine().effects(), List.copyOf(entities));
        extend();
    }

    private void grown() {
        if (builder != null && System.nanoTime() - lastBuild > 500_000_000L) {
            extend();
        }
    }

    private void extend() {
        if (builder != null) {
            lastBuild = System.nanoTime();
            builds.request(new Build(builder, session.loadedSize()));
        }
    }

    private void show(Built b) {
        if (b.builder() != builder) {
            return; // the selection changed meanwhile
        }
        lastSize = b.size();
        series.set(b.series());
        if (!session.loading().get() && lastSize != session.loadedSize()) {
            extend(); // catch up with events that arrived during the build
        }
    }
}
