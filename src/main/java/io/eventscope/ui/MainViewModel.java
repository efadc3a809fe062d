package io.eventscope.ui;

import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecException;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.ui.audit.FindingsViewModel;
import io.eventscope.ui.chart.ChartViewModel;
import io.eventscope.ui.detail.DetailViewModel;
import io.eventscope.ui.filter.FilterViewModel;
import io.eventscope.ui.filter.KnownNames;
import io.eventscope.ui.filter.TimeExtent;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.replay.ReplayViewModel;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.state.EntityRow;
import io.eventscope.ui.state.StateViewModel;
import io.eventscope.ui.task.TaskRunner;
import io.eventscope.ui.timeline.TimelineTableViewModel;
import io.eventscope.ui.violations.ViolationsViewModel;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Wires the feature view models of one window together, and holds the window's own state: the theme,
 * what Reload reopens, the current projection (File → Projection… switches it), the known names for the filters and the "N of M shown" summary. Its only logic
 * is the first choice of entities to chart (the busiest three), so an opened source never shows an
 * empty chart.
 */
public final class MainViewModel {
    static final int AUTO_CHARTED = 3;
    static final long MAX_SPEC_BYTES = 1 << 20;

    private final SessionViewModel session;
    private final TimelineTableViewModel table;
    private final FilterViewModel filter;
    private final ReplayViewModel replay;
    private final StateViewModel state;
    private final ChartViewModel chart;
    private final DetailViewModel detail;
    private final FindingsViewModel findings;
    private final ViolationsViewModel violations;
    private final TaskRunner runner;
    private final io.eventscope.ui.evidence.EvidenceViewModel evidence;
    private final io.eventscope.ui.explain.ExplainViewModel explain;
    private final io.eventscope.ui.reconcile.ReconcileViewModel reconcile;
    private final TimeDisplay times;
    private final io.eventscope.ui.bookmark.BookmarksViewModel bookmarks;
    private final io.eventscope.ui.casefile.CaseViewModel cases;
    private final KnownNames names;
    private final io.eventscope.ui.heldwindow.HeldWindowViewModel heldWindow;
    private OpenedSource opened; // set in the constructor, after the models whose callbacks use it
    private final io.eventscope.ui.heldwindow.SizeCheck sizeCheck;
    private final TimeExtent extent;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final StringBinding summary;
    private final BooleanBinding canReload;
    private boolean autoPicked;

    public MainViewModel(TaskRunner runner, ProjectionSpec spec) {
        this(runner, spec, java.time.ZoneId.systemDefault());
    }

    public MainViewModel(TaskRunner runner, ProjectionSpec spec, java.time.ZoneId localZone) {
        this.runner = runner;
        times = new TimeDisplay(localZone);
        session = new SessionViewModel(runner, spec);
        table = new TimelineTableViewModel(session, runner);
        filter = new FilterViewModel(table.criteriaProperty());
        filter.readWith(times.zoneProperty()::get, session::session);
        names = new KnownNames(session);
        extent = new TimeExtent(session);
        filter.rangeMaxProperty().bind(extent.maxProperty());
        filter.rangeMinProperty().bind(extent.minProperty());
        replay = new ReplayViewModel(session, runner, times);
        state = new StateViewModel(session, replay, runner);
        chart = new ChartViewModel(session, state.selectedEntities(), runner);
        detail = new DetailViewModel(session, replay.cursorProperty(), times, runner);
        findings = new FindingsViewModel(runner, session);
        findings.setOnGoTo(replay::moveTo);
        violations = new ViolationsViewModel(session, runner);
        violations.setOnGoTo(replay::moveTo);
        replay.setViolations(violations::after, violations::before);
        var feed = io.eventscope.ui.session.SessionFeed.of(session);
        String version = MainViewModel.class.getPackage().getImplementationVersion();
        evidence = new io.eventscope.ui.evidence.EvidenceViewModel(feed, replay.cursorProperty(), runner,
                java.nio.file.Path.of(System.getProperty("user.home"), ".eventscope"),
                "Eventscope " + (version == null ? "dev" : version));
        explain = new io.eventscope.ui.explain.ExplainViewModel(feed, replay.cursorProperty(), runner, replay::moveTo);
        reconcile = new io.eventscope.ui.reconcile.ReconcileViewModel(feed, replay.cursorProperty(), runner);
        bookmarks = new io.eventscope.ui.bookmark.BookmarksViewModel(session, replay, java.time.Clock.systemUTC());
        cases = new io.eventscope.ui.casefile.CaseViewModel(runner, session, replay, filter, state.selectedEntities(),
                bookmarks, () -> opened.text(), (source, under, window, shown) -> opened.openCase(source, under,
                window, shown));
        heldWindow = new io.eventscope.ui.heldwindow.HeldWindowViewModel(session, runner, () -> opened.text(),
                (text, window) -> opened.open(text, window));
        sizeCheck = new io.eventscope.ui.heldwindow.SizeCheck(session, runner, heldWindow);
        opened = new OpenedSource(session, sizeCheck, evidence::chosen);
        session.sessionProperty().addListener((o, a, n) -> autoPicked = false);
        state.shownPositionProperty().addListener((o, a, n) -> pickDefaultEntities());
        summary = Bindings.createStringBinding(() -> table.criteriaProperty().get().isEmpty() ? ""
                : Formats.count(table.shownSizeProperty().get()) + " of " + Formats.count(session.size()) + " shown",
                table.shownSizeProperty(), session.sizeProperty(), table.criteriaProperty());
        canReload = session.sessionProperty().isNotNull().and(session.loadingProperty().not());
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

    /** Shows the current session's masked values as they are (the window asked the user first). */
    public void revealMasked() {
        Session s = session.session();
        if (s != null) {
            s.reveal();
            table.masksChanged();
            detail.reload();
            state.reload();
            chart.reload();
            violations.reload();
            filter.apply(); // a search term on a masked value matches now
        }
    }

    public TimeDisplay times() {
        return times;
    }

    /**
     * Opens a source in place of the current one and remembers it for {@link #reload()}; one that clearly
     * holds more than the memory budget is offered as a window first.
     */
    public void open(String source) {
        opened.open(source);
    }

    /** Opens {@code window} of a source (the command line's --last, --since, --from-position); Reload keeps it. */
    public void open(String source, io.eventscope.source.LoadWindow window) {
        opened.open(source, window);
    }

    /** Reads the last opened source again, the same window of it. */
    public void reload() {
        opened.reload();
    }

    /**
     * Reads the projection spec {@code file} and replays the open source under it, keeping the cursor and
     * the charted entities. A spec with an error, or a replay that fails, changes nothing: the old
     * projection stays active and the error banner says why in one sentence.
     */
    public void useProjection(Path file) {
        runner.run(() -> {
            // The file chooser makes picking the event log itself easy; a spec is a few kilobytes.
            if (java.nio.file.Files.isRegularFile(file) && java.nio.file.Files.size(file) > MAX_SPEC_BYTES) {
                throw new ProjectionSpecException(file.getFileName() + " is too large to be a projection spec ("
                        + Formats.count(java.nio.file.Files.size(file) / 1024) + " KB); choose the spec's JSON file.");
            }
            ProjectionSpecReader.read(file); // the reader's own sentence for a missing, unreadable or broken file
            String text = java.nio.file.Files.readString(file);
            // The spec used is read from exactly the text a pack records, even if the file changes meanwhile.
            return new io.eventscope.ui.casefile.CaseProjection(
                    ProjectionSpecReader.parse(text, String.valueOf(file.getFileName())), text, file);
        }, chosen -> {
            evidence.chosen(chosen.spec(), chosen.text()); // a pack records the file's own text while it is in use
            cases.projectionChosen(chosen);
            useProjection(chosen.spec());
        }, session::showError);
    }

    /** Replays the open source under {@code next} (see {@link #useProjection(Path)}). */
    public void useProjection(ProjectionSpec next) {
        int at = replay.cursor();
        List<String> picked = List.copyOf(state.selectedEntities());
        session.reproject(opened.text(), next, () -> {
            replay.moveTo(at);
            if (!picked.isEmpty()) {
                autoPicked = true;
                state.selectedEntities().setAll(picked);
            }
        });
    }

    /** The projection the window reads sources with. */
    public javafx.beans.property.ReadOnlyObjectProperty<ProjectionSpec> projectionProperty() {
        return session.specProperty();
    }

    public BooleanBinding canReloadProperty() {
        return canReload;
    }

    /** The dark theme is on. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** "1,234 of 20,000 shown" while a filter narrows the table, else empty. */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** Types and entity ids of the open source, for the filter bar. */
    public KnownNames names() {
        return names;
    }

    /** Asks a source its size before loading it (see {@link #open(String)}). */
    public io.eventscope.ui.heldwindow.SizeCheck sizeCheck() {
        return sizeCheck;
    }

    public io.eventscope.ui.heldwindow.HeldWindowViewModel heldWindow() {
        return heldWindow;
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

    public FindingsViewModel findings() {
        return findings;
    }

    public ViolationsViewModel violations() {
        return violations;
    }

    public io.eventscope.ui.evidence.EvidenceViewModel evidence() {
        return evidence;
    }

    public io.eventscope.ui.explain.ExplainViewModel explain() {
        return explain;
    }

    public io.eventscope.ui.reconcile.ReconcileViewModel reconcile() {
        return reconcile;
    }

    public io.eventscope.ui.bookmark.BookmarksViewModel bookmarks() {
        return bookmarks;
    }

    /** Save case, Open case and links. */
    public io.eventscope.ui.casefile.CaseViewModel cases() {
        return cases;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public void dispose() {
        replay.playingProperty().set(false);
        session.dispose();
    }
}
