package io.eventscope.ui.violations;

import io.eventscope.replay.Violation;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.LatestWins;
import io.eventscope.ui.task.TaskRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Every invariant violation of the loaded events (from the replay engine, off the FX thread), filterable
 * by text; picking one moves the replay cursor to it. Its positions are what Play stops at and what
 * F8 / Shift+F8 step through.
 */
public final class ViolationsViewModel {
    private record Query(Session session, int size) {
    }

    private record Found(Session session, List<Violation> violations, int[] positions) {
    }

    private final SessionFeed session;
    private final Function<Session, List<Violation>> finder;
    private final ObservableList<Violation> all = FXCollections.observableArrayList();
    private final FilteredList<Violation> shown = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringBinding title;
    private final LatestWins<Query, Found> finding;
    private int[] positions = new int[0];
    private IntConsumer onGoTo = p -> { };
    private long lastFind;

    public ViolationsViewModel(SessionViewModel session, TaskRunner runner) {
        this(SessionFeed.of(session), runner, s -> s.engine().violations());
    }

    /** @param finder the violations of a session's loaded events, in position order (tests pass their own) */
    public ViolationsViewModel(SessionFeed session, TaskRunner runner, Function<Session, List<Violation>> finder) {
        this.session = session;
        this.finder = finder;
        finding = new LatestWins<>(runner, this::find, this::show, session.errors());
        session.session().addListener((o, a, n) -> {
            all.clear();
            positions = new int[0];
            request();
        });
        session.size().addListener((o, a, n) -> {
            if (System.nanoTime() - lastFind > 500_000_000L) {
                request(); // a growing (live) source: at most twice a second
            }
        });
        session.loading().addListener((o, a, loading) -> {
            if (!loading) {
                request();
            }
        });
        filter.addListener((o, a, text) -> {
            String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(q.isEmpty() ? null : v -> matches(v, q));
        });
        title = Bindings.createStringBinding(() -> all.isEmpty() ? "Violations"
                : shown.size() == all.size() ? "Violations (" + Formats.count(all.size()) + ")"
                : "Violations (" + Formats.count(shown.size()) + " of " + Formats.count(all.size()) + ")", all, shown);
        request();
    }

    /** Shows the current session again (its masked values were revealed). */
    public void reload() {
        request();
    }

    private void request() {
        Session s = session.current();
        if (s != null) {
            lastFind = System.nanoTime();
            finding.request(new Query(s, session.loadedSize()));
        }
    }

    private Found find(Query q) {
        List<Violation> found = finder.apply(q.session()).stream().map(q.session().masks()::violation).toList();
        int[] at = found.stream().mapToInt(Violation::position).distinct().sorted().toArray();
        return new Found(q.session(), found, at);
    }

    private void show(Found f) {
        if (f.session() != session.current()) {
            return;
        }
        positions = f.positions();
        if (!f.violations().equals(all)) {
            all.setAll(f.violations());
        }
    }

    /** Position, entity, invariant name and the values involved, as one line, in any letter case. */
    private static boolean matches(Violation v, String q) {
        return text(v).toLowerCase(Locale.ROOT).contains(q);
    }

    /** How a violation reads in the list and in a filter: "#1,204 ACC-7 no-overdraft balance=-5". */
    public static String text(Violation v) {
        return "#" + Formats.count(v.position()) + " " + v.entity() + " " + v.invariant() + " " + values(v);
    }

    /** The values the check read, "balance = -5.00, status = open", in name order. */
    public static String values(Violation v) {
        return v.values().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " = " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Moves the replay cursor to the violation's position (after the event that broke the check). */
    public void goTo(Violation v) {
        if (v != null) {
            onGoTo.accept(v.position());
        }
    }

    public void setOnGoTo(IntConsumer onGoTo) {
        this.onGoTo = onGoTo;
    }

    /** The positions with at least one violation, ascending (FX thread; replaced whole, never changed). */
    public int[] positions() {
        return positions;
    }

    /** The first violation position after {@code position}, or -1. */
    public int after(int position) {
        int i = Arrays.binarySearch(positions, position + 1);
        int at = i >= 0 ? i : -i - 1;
        return at < positions.length ? positions[at] : -1;
    }

    /** The last violation position before {@code position}, or -1. */
    public int before(int position) {
        int i = Arrays.binarySearch(positions, position);
        int at = (i >= 0 ? i : -i - 1) - 1;
        return at >= 0 ? positions[at] : -1;
    }

    /** The violations after the filter, for the list. */
    public FilteredList<Violation> shown() {
        return shown;
    }

    public ObservableList<Violation> all() {
        return all;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** "Violations (3)", "Violations (1 of 3)" while filtered. */
    public StringBinding titleProperty() {
        return title;
    }
}
