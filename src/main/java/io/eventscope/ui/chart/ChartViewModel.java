package io.eventscope.ui.chart;

import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.LatestWins;
import io.eventscope.ui.task.TaskRunner;
import io.eventscope.replay.Effects;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.StateKind;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The series of one decimal state field of the entities picked in the state panel: the chosen one of
 * {@link #fields()}, by default the projection's primary field (e.g. the balance). Built off the FX
 * thread and extended (not rebuilt) as events arrive, at most twice a second.
 */
public final class ChartViewModel {
    private record Build(SeriesBuilder builder, int size) {
    }

    private record Built(SeriesBuilder builder, int size, List<BalanceSeries> series) {
    }

    private final SessionFeed session;
    private final ObservableList<String> entities;
    private final ObjectProperty<List<BalanceSeries>> series = new SimpleObjectProperty<>(List.of());
    private final ObservableList<String> fields = FXCollections.observableArrayList();
    private final StringProperty chosen = new SimpleStringProperty("");
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
        useProjection();
        entities.addListener((ListChangeListener<String>) c -> rebuild());
        chosen.addListener((o, a, n) -> rebuild());
        session.session().addListener((o, a, n) -> {
            useProjection();
            rebuild();
        });
        session.size().addListener((o, a, n) -> grown());
        session.loading().addListener((o, a, loading) -> {
            if (!loading) {
                extend();
            }
        });
    }

    /** Offers the current projection's decimal fields; keeps the chosen one if it still exists, else the primary. */
    private void useProjection() {
        ProjectionSpec spec = session.currentSpec();
        List<String> decimals = spec.state().entrySet().stream().filter(e -> e.getValue() == StateKind.DECIMAL)
                .map(Map.Entry::getKey).toList();
        if (!decimals.equals(fields)) {
            fields.setAll(decimals);
        }
        if (!fields.contains(chosen.get())) {
            String primary = spec.primaryField();
            chosen.set(primary == null ? "" : primary);
        }
    }

    /** The charted field's name (e.g. "balance"); empty when the projection has no decimal field. */
    public String field() {
        return chosen.get();
    }

    /** The field the chart draws; the chooser binds to it. Any of {@link #fields()}. */
    public StringProperty chosenFieldProperty() {
        return chosen;
    }

    /** The decimal state fields of the current projection, in spec order: what the chooser offers. */
    public ObservableList<String> fields() {
        return fields;
    }

    public ObjectProperty<List<BalanceSeries>> seriesProperty() {
        return series;
    }

    /** True when the series cover every loaded position. */
    public boolean upToDate() {
        return !builds.busy() && (builder == null
                || builder.entities().equals(List.copyOf(entities)) && lastSize == session.loadedSize());
    }

    /** Shows the current session again (its masked values were revealed). */
    public void reload() {
        rebuild();
    }

    private void rebuild() {
        Session s = session.current();
        Effects effects = s == null ? null : s.engine().effects().forField(chosen.get());
        if (effects == null || entities.isEmpty()) {
            builder = null;
            lastSize = -1;
            series.set(List.of());
            return;
        }
        builder = new SeriesBuilder(s.timeline(), effects, List.copyOf(entities), id -> s.masks().entity(id));
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
