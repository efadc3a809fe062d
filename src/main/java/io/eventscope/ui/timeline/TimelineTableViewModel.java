package io.eventscope.ui.timeline;

import io.eventscope.event.Timeline;
import io.eventscope.ui.filter.FilterCriteria;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.LatestWins;
import io.eventscope.ui.task.TaskRunner;
import java.util.Arrays;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Which positions the table shows and in what order. Without filter or sort the rows simply follow the
 * timeline as it grows; otherwise the matching positions are computed off the FX thread (latest request
 * wins) and swapped in as one int array.
 */
public final class TimelineTableViewModel {
    /** A sort by one column; null key = timeline order. */
    public record Sort(SortKey key, boolean ascending) {
    }

    private record Query(Timeline timeline, int size, FilterCriteria criteria, Sort sort) {
    }

    private final SessionViewModel session;
    private final TimelineRows rows = new TimelineRows();
    private final ObjectProperty<FilterCriteria> criteria = new SimpleObjectProperty<>(FilterCriteria.NONE);
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>();
    private final IntegerProperty shownSize = new SimpleIntegerProperty();
    private final IntegerProperty computedGeneration = new SimpleIntegerProperty();
    private final LatestWins<Query, int[]> compute;
    private int requestedGeneration;
    private long lastRecompute;

    public TimelineTableViewModel(SessionViewModel session, TaskRunner runner) {
        this.session = session;
        compute = new LatestWins<>(runner, TimelineTableViewModel::positions, this::showComputed, session::showError);
        session.sizeProperty().addListener((o, a, n) -> sizeChanged(n.intValue()));
        session.sessionProperty().addListener((o, a, n) -> refresh());
        criteria.addListener((o, a, n) -> refresh());
        sort.addListener((o, a, n) -> refresh());
    }

    public TimelineRows rows() {
        return rows;
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

    /** Recomputes the rows for the current session, filter and sort. */
    public void refresh() {
        var s = session.session();
        if (s == null) {
            rows.showAll(0);
            shownSize.set(0);
            return;
        }
        if (plain()) {
            requestedGeneration = computedGeneration.get();
            rows.showAll(session.size());
            shownSize.set(rows.size());
            return;
        }
        lastRecompute = System.nanoTime();
        requestedGeneration++;
        compute.request(new Query(s.timeline(), s.timeline().size(), criteria.get(), sort.get()));
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
        FilterCriteria.Matcher m = q.criteria().on(q.timeline());
        int[] out = new int[Math.min(q.size(), 1024)];
        int n = 0;
        for (int i = 0; i < q.size(); i++) {
            if (m.matches(i)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.min(q.size(), out.length * 2));
                }
                out[n++] = i + 1;
            }
        }
        out = Arrays.copyOf(out, n);
        Sort sort = q.sort();
        if (sort != null && sort.key() != null && (sort.key() != SortKey.POSITION || !sort.ascending())) {
            var cmp = sort.key().comparator(q.timeline());
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
