package io.eventscope.ui.state;

import io.eventscope.replay.ChangeText;
import io.eventscope.replay.ReplayState;
import io.eventscope.ui.replay.ReplayViewModel;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.LatestWins;
import io.eventscope.ui.task.TaskRunner;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.ui.format.Formats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Every entity's state at the cursor. The replay engine seeks off the FX thread; while the slider is
 * dragged only the newest cursor is computed. {@link #shownPositionProperty()} says which position
 * the rows belong to, so nothing claims a state it does not show. Each row holds every state field of
 * the current session's projection ({@link #columns()}); the widest text of each field comes along, so the
 * panel can size its columns to their content.
 */
public final class StateViewModel {
    private record Seek(Session session, int position, String field) {
    }

    private record Result(Session session, int position, List<EntityRow> rows, Map<String, String> widest) {
    }

    /** Up to this many changed rows are replaced one by one. */
    static final int FEW = 4;

    private final SessionFeed session;
    private String field;
    private final ObservableList<StateColumn> columns = FXCollections.observableArrayList();
    private final ObjectProperty<Map<String, String>> widest = new SimpleObjectProperty<>(Map.of());
    private final ObservableList<EntityRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EntityRow> filtered = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty("");
    private final IntegerProperty shownPosition = new SimpleIntegerProperty(-1);
    private final IntegerProperty refreshed = new SimpleIntegerProperty();
    private final ObservableList<String> selectedEntities = FXCollections.observableArrayList();
    private final LatestWins<Seek, Result> seeker;
    private final ObservableIntegerValue cursor;
    private boolean updating;

    public StateViewModel(SessionViewModel session, ReplayViewModel replay, TaskRunner runner) {
        this(SessionFeed.of(session), replay.cursorProperty(), runner);
    }

    /** Shows the state after the first {@code cursor} positions of the current session. */
    public StateViewModel(SessionFeed session, ObservableIntegerValue cursor, TaskRunner runner) {
        this.session = session;
        this.cursor = cursor;
        useProjection();
        seeker = new LatestWins<>(runner, StateViewModel::seek, this::show, session.errors());
        cursor.addListener((o, a, n) -> request());
        session.session().addListener((o, a, n) -> {
            useProjection();
            rows.clear();
            selectedEntities.clear();
            shownPosition.set(-1);
            request();
        });
        search.addListener((o, a, text) -> {
            String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            updating = true;
            try {
                filtered.setPredicate(q.isEmpty() ? null : r -> r.label().toLowerCase(Locale.ROOT).contains(q));
            } finally {
                updating = false;
            }
            refreshed.set(refreshed.get() + 1);
        });
    }

    private void useProjection() {
        ProjectionSpec spec = session.currentSpec();
        field = spec.primaryField();
        List<StateColumn> next = spec.state().entrySet().stream()
                .map(e -> new StateColumn(e.getKey(), e.getValue())).toList();
        widest.set(Map.of());
        if (!next.equals(columns)) {
            columns.setAll(next);
        }
    }

    /** Every state field of the current projection, in spec order: the panel's value columns. */
    public ObservableList<StateColumn> columns() {
        return columns;
    }

    /** The longest text each field shows among the rows at the shown position (by field name). */
    public ObjectProperty<Map<String, String>> widestProperty() {
        return widest;
    }

    /** Heading of the primary decimal field's column (e.g. "Balance"). */
    public String valueTitle() {
        return ChangeText.label(field);
    }

    /** Shows the current session again (its masked values were revealed). */
    public void reload() {
        request();
    }

    private void request() {
        Session s = session.current();
        if (s != null) {
            int position = Math.min(cursor.get(), s.timeline().size());
            seeker.request(new Seek(s, position, field));
        }
    }

    /** Off the FX thread: the state and its rows, ready to show. */
    private static Result seek(Seek q) {
        ReplayState state = q.session().engine().stateAt(q.position());
        List<EntityRow> rows = state.entities().stream().map(e -> EntityRow.of(e, q.field(), q.session().masks())).toList();
        return new Result(q.session(), state.position(), rows, widest(rows));
    }

    /** Per field, the longest of its texts as shown (grouped decimals, plain texts). */
    static Map<String, String> widest(List<EntityRow> rows) {
        Map<String, String> out = new HashMap<>();
        for (EntityRow r : rows) {
            r.decimals().forEach((f, v) -> longer(out, f, Formats.money(v)));
            r.texts().forEach((f, v) -> longer(out, f, v == null ? "" : v));
        }
        return out;
    }

    private static void longer(Map<String, String> out, String field, String text) {
        String was = out.get(field);
        if (was == null || text.length() > was.length()) {
            out.put(field, text);
        }
    }

    private void show(Result r) {
        if (r.session() != session.current()) {
            return;
        }
        List<EntityRow> next = r.rows();
        updating = true;
        try {
            replaceChanged(next);
        } finally {
            updating = false;
        }
        shownPosition.set(r.position());
        widest.set(r.widest());
        refreshed.set(refreshed.get() + 1);
    }

    /**
     * Replaces only the rows that changed when they are few (a step changes one entity), else all rows in
     * one change: each change costs the sorted, filtered table a full pass, so many small ones are worse.
     */
    private void replaceChanged(List<EntityRow> next) {
        boolean sameEntities = next.size() == rows.size();
        int changed = 0;
        for (int i = 0; sameEntities && i < next.size(); i++) {
            sameEntities = next.get(i).entity().equals(rows.get(i).entity());
            if (!next.get(i).equals(rows.get(i))) {
                changed++;
            }
        }
        if (!sameEntities || changed > FEW) {
            rows.setAll(next);
            return;
        }
        for (int i = 0; i < next.size() && changed > 0; i++) {
            if (!next.get(i).equals(rows.get(i))) {
                rows.set(i, next.get(i));
                changed--;
            }
        }
    }

    /** True while rows are being replaced: selection changes then are not the user's doing. */
    public boolean updating() {
        return updating;
    }

    /** Counts row replacements (each cursor move or search); views restore their selection on it. */
    public IntegerProperty refreshedProperty() {
        return refreshed;
    }

    /** The rows after the search, for the table (which sorts them itself). */
    public FilteredList<EntityRow> rows() {
        return filtered;
    }

    /** Every entity's row at the shown position, ignoring the search. */
    public ObservableList<EntityRow> allRows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public IntegerProperty shownPositionProperty() {
        return shownPosition;
    }

    /** Entities picked in the panel; the chart draws these. */
    public ObservableList<String> selectedEntities() {
        return selectedEntities;
    }
}
