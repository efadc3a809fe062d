package io.eventscope.ui.timeline;

import io.eventscope.event.Timeline;
import io.eventscope.replay.ChangeText;
import io.eventscope.ui.filter.FilterCriteria;
import io.eventscope.event.CoordinateKind;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.LatestWins;
import io.eventscope.ui.task.TaskRunner;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Which positions the table shows and in what order. Without filter or sort the rows simply follow the
 * timeline as it grows; otherwise the matching positions are computed off the FX thread (latest request
 * wins) and swapped in as one int array. What a row shows is read through {@link #reader()}.
 */
public final class TimelineTableViewModel {
    /** A sort by one column; null key = timeline order. */
    public record Sort(SortKey key, boolean ascending) {
    }

    private record Query(Session session, int size, FilterCriteria criteria, Sort sort) {
    }

    private final SessionFeed session;
    private final TimelineRows rows = new TimelineRows();
    private final ObjectProperty<FilterCriteria> criteria = new SimpleObjectProperty<>(FilterCriteria.NONE);
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>();
    private final IntegerProperty shownSize = new SimpleIntegerProperty();
    private final IntegerProperty computedGeneration = new SimpleIntegerProperty();
    private final IntegerProperty readerVersion = new SimpleIntegerProperty();
    private final LatestWins<Query, int[]> compute;
    private int requestedGeneration;
    private long lastRecompute;
    private RowReader reader = RowReader.NONE;
    private final StringProperty operandTitle = new SimpleStringProperty("");
    private final BooleanProperty brokerTimes = new SimpleBooleanProperty();

    public TimelineTableViewModel(SessionViewModel session, TaskRunner runner) {
        this(SessionFeed.of(session), runner);
    }

    public TimelineTableViewModel(SessionFeed session, TaskRunner runner) {
        this.session = session;
        operandTitle.set(ChangeText.label(session.currentSpec().primaryOperandField()));
        compute = new LatestWins<>(runner, TimelineTableViewModel::positions, this::showComputed, session.errors());
        session.size().addListener((o, a, n) -> sizeChanged(n.intValue()));
        session.session().addListener((o, a, n) -> {
            operandTitle.set(ChangeText.label(session.currentSpec().primaryOperandField()));
            useReader(readerFor(n));
            brokerTimes.set(hasBrokerTimes(n));
            refresh();
        });
        useReader(readerFor(session.current()));
        brokerTimes.set(hasBrokerTimes(session.current()));
        criteria.addListener((o, a, n) -> refresh());
        sort.addListener((o, a, n) -> refresh());
    }

    public TimelineRows rows() {
        return rows;
    }

    /** Reads the cells of a row of the current source (FX thread). */
    public RowReader reader() {
        return reader;
    }

    /** Heading of the operand column, named by the projection (e.g. "Amount"). */
    public StringProperty operandTitleProperty() {
        return operandTitle;
    }

    /** True when the source stamps events with a broker time (stations, streams), so that column is shown. */
    public ReadOnlyBooleanProperty brokerTimesProperty() {
        return brokerTimes;
    }

    private static boolean hasBrokerTimes(Session s) {
        return s != null && s.source().coordinateKind() != CoordinateKind.LINE;
    }

    private void useReader(RowReader r) {
        reader = r;
    }

    private static RowReader readerFor(Session s) {
        return s == null ? RowReader.NONE : new RowReader(s.timeline(), s.engine().effects(), s.masks(),
                s.spec().primaryOperandField(), s.spec().clockSkew());
    }

    public ObjectProperty<FilterCriteria> criteriaProperty() {
        return criteria;
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    /** Rows currently shown. */
    public IntegerProperty shownSizeProperty() {
        return shownSize;
    }

    /** Counts finished filter/sort computations (tests wait on it). */
    public IntegerProperty computedGenerationProperty() {
        return computedGeneration;
    }

    /** True while the rows reflect the latest filter and sort. */
    public boolean upToDate() {
        return !compute.busy() && (plain() || computedGeneration.get() == requestedGeneration);
    }

    private boolean plain() {
        Sort s = sort.get();
        return criteria.get().isEmpty() && (s == null || s.key() == null || s.key() == SortKey.POSITION && s.ascending());
    }

    private void sizeChanged(int size) {
        if (plain()) {
            rows.showAll(size);
            shownSize.set(rows.size());
        } else if (System.nanoTime() - lastRecompute > 1_000_000_000L && !compute.busy()) {
            // New events while filtered: refresh at most once a second, so loading stays fast.
            refresh();
        }
    }

    /** The session's masked values were revealed: read the rows again, and match the filter on them. */
    public void masksChanged() {
        useReader(readerFor(session.current()));
        refresh();
        readerVersion.set(readerVersion.get() + 1);
    }

    /** Counts readers put in place for the same session (the view redraws its cells on a change). */
    public IntegerProperty readerVersionProperty() {
        return readerVersion;
    }

    /** Recomputes the rows for the current session, filter and sort. */
    public void refresh() {
        Session s = session.current();
        if (s == null) {
            rows.showAll(0);
            shownSize.set(0);
            return;
        }
        if (plain()) {
            requestedGeneration = computedGeneration.get();
            rows.showAll(session.loadedSize());
            shownSize.set(rows.size());
            return;
        }
        lastRecompute = System.nanoTime();
        requestedGeneration++;
        compute.request(new Query(s, s.timeline().size(), criteria.get(), sort.get()));
    }

    private void showComputed(int[] positions) {
        if (plain()) {
            return;
        }
        rows.show(positions);
        shownSize.set(rows.size());
        computedGeneration.set(requestedGeneration);
    }

    /** Off the FX thread: the positions matching the criteria, in the requested order. */
    static int[] positions(Query q) {
        Timeline timeline = q.session().timeline();
        FilterCriteria.Matcher m = q.criteria().on(timeline, q.session().spec(), q.session().masks());
        int[] out = new int[Math.min(q.size(), 1024)];
        int n = 0;
        for (int i = 0; i < q.size(); i++) {
            if (m.matches(i)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.min(q.size(), out.length * 2));
                }
                out[n++] = Positions.of(i);
            }
        }
        out = Arrays.copyOf(out, n);
        Sort sort = q.sort();
        if (sort != null && sort.key() != null && (sort.key() != SortKey.POSITION || !sort.ascending())) {
            var cmp = readerFor(q.session()).comparator(sort.key()); // its own reader: off the FX thread
            if (!sort.ascending()) {
                cmp = cmp.reversed();
            }
            Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, cmp);
            for (int i = 0; i < n; i++) {
                out[i] = boxed[i];
            }
        }
        return out;
    }
}
