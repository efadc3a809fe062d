package io.eventscope.ui;

import io.eventscope.ui.chart.BalanceChart;
import io.eventscope.ui.chart.ChartView;
import io.eventscope.ui.connect.ConnectViewModel;
import io.eventscope.ui.detail.DetailView;
import io.eventscope.ui.filter.FilterBarView;
import io.eventscope.ui.fxml.Fxml;
import io.eventscope.ui.replay.ReplayBarView;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.state.StatePanelView;
import io.eventscope.ui.timeline.CursorSync;
import io.eventscope.ui.timeline.TimelineTablePane;
import io.eventscope.ui.timeline.TimelineTableView;
import io.eventscope.ui.violations.ViolationsView;
import io.eventscope.ui.window.ErrorBanner;
import io.eventscope.ui.window.LiveAlerts;
import io.eventscope.ui.window.MainMenuBar;
import io.eventscope.ui.window.MainStatusBar;
import io.eventscope.ui.window.MainToolBar;
import io.eventscope.ui.window.Shortcuts;
import io.eventscope.ui.window.Themes;
import io.eventscope.ui.window.WindowActions;
import io.eventscope.ui.window.WindowCommands;
import io.eventscope.ui.window.WindowDialogs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window: its static layout is MainWindow.fxml; this class puts the feature views into it,
 * adds the window's parts (menu, tool bar, error banner, status bar, shortcuts) and the commands they call.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel model;
    private final WindowActions commands;
    private final TimelineTableView table;
    private final FilterBarView filterBar;
    private final BalanceChart chart = new BalanceChart();
    private final ReplayBarView replayBar;
    private final StatePanelView statePanel;
    private final DetailView detailView;
    private final CursorSync cursorSync;
    private final io.eventscope.ui.bookmark.BookmarkDialogs bookmarkDialogs;
    @FXML private VBox top;
    @FXML private HBox bars;
    @FXML private HBox filterRow;
    @FXML private Label shown;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane upperSplit;
    @FXML private StackPane tablePlace;
    @FXML private StackPane statePlace;
    @FXML private SplitPane stateSplit;
    @FXML private StackPane violationsPlace;
    @FXML private StackPane chartPlace;
    @FXML private StackPane detailPlace;
    @FXML private VBox bottom;

    public MainWindow(MainViewModel model, Supplier<ConnectViewModel> connectModels) {
        this.model = model;
        Fxml.load(this);
        SessionViewModel session = model.session();

        table = new TimelineTableView(model.table(), model.times());
        filterBar = new FilterBarView(model.filter(), model.names());
        statePanel = new StatePanelView(model.state(), model.times());
        detailView = new DetailView(model.detail());
        WindowCommands windowCommands = new WindowCommands(this, new WindowDialogs(this, connectModels,
                model.darkProperty()), session, model.replay(), model::open, model::reload, filterBar::focusText,
                model::useProjection);
        windowCommands.evidence(model.evidence(), model.reconcile());
        windowCommands.onReveal(model::revealMasked);
        java.util.function.UnaryOperator<javafx.scene.control.Dialog<?>> themed = d -> {
            Themes.apply(d.getDialogPane().getScene(), model.darkProperty().get());
            return d;
        };
        bookmarkDialogs = new io.eventscope.ui.bookmark.BookmarkDialogs(this, model.bookmarks(), session, d -> {
            themed.apply(d);
            return d;
        });
        windowCommands.cases(new io.eventscope.ui.casefile.CaseCommands(this, model.cases(), session, themed),
                bookmarkDialogs);
        commands = windowCommands;
        replayBar = new ReplayBarView(model.replay(), commands::goTo);
        // While a load runs or the slider is dragged, the selection follows but the table does not scroll.
        cursorSync = new CursorSync(table, model.table().rows(), model.replay(),
                session.loadingProperty().and(model.replay().followProperty().not())
                        .or(replayBar.slider().valueChangingProperty()));

        chart.setId("balanceChart");
        chart.seriesProperty().bind(model.chart().seriesProperty());
        chart.replayCursorProperty().bind(model.replay().cursorProperty());
        chart.extentProperty().bind(session.sizeProperty());
        chart.darkProperty().bind(model.darkProperty());
        chart.axisLabelsProperty().bind(model.replay().axisLabelsProperty());
        chart.setOnPick(p -> model.replay().moveTo(p));

        shown.textProperty().bind(model.summaryProperty());
        tablePlace.getChildren().add(new TimelineTablePane(table)); // its bar spans all rows
        top.getChildren().add(new io.eventscope.ui.audit.CompletenessBanner(model.findings()));
        statePlace.getChildren().add(statePanel);
        ViolationsView violations = new ViolationsView(model.violations());
        VBox.setVgrow(violations, Priority.ALWAYS);
        violationsPlace.getChildren().add(new VBox(6, violations,
                new io.eventscope.ui.bookmark.BookmarksView(model.bookmarks(), bookmarkDialogs::edit)));
        ChartView chartView = new ChartView(model.chart(), chart);
        HBox.setHgrow(chartView, Priority.ALWAYS); // the Explain list opens beside the chart
        chartView.getChildren().add(1, io.eventscope.ui.bookmark.BookmarkMarks.overChart(chart, model.bookmarks()));
        replayBar.addUnderSlider(io.eventscope.ui.bookmark.BookmarkMarks.underSlider(replayBar.slider(), model.bookmarks()));
        chartPlace.getChildren().add(new HBox(6, chartView, new io.eventscope.ui.explain.ExplainView(model.explain())));
        javafx.scene.control.MenuItem explain = new javafx.scene.control.MenuItem("Explain");
        explain.setOnAction(e -> java.util.Optional.ofNullable(statePanel.table().getSelectionModel().getSelectedItem())
                .ifPresent(row -> model.explain().explain(row.entity())));
        statePanel.table().setContextMenu(new javafx.scene.control.ContextMenu(explain));
        io.eventscope.ui.evidence.EvidenceNotices.install(this, model.evidence());
        detailPlace.getChildren().add(detailView);
        HBox.setHgrow(filterBar, Priority.ALWAYS);
        filterRow.getChildren().add(0, filterBar);
        bars.getChildren().add(0, new MainToolBar(commands, model.canReloadProperty(), session.liveProperty()));
        top.getChildren().add(0, new MainMenuBar(commands, model.darkProperty(), model.times()).clock(model.replay().clock()));
        top.getChildren().add(new ErrorBanner(session));
        top.getChildren().add(io.eventscope.ui.heldwindow.HeldWindowViews.offerBar(model.heldWindow()));
        replayBar.addUnderSlider(io.eventscope.ui.heldwindow.HeldWindowViews.extentUnderSlider(model.heldWindow()));
        chartView.getChildren().add(io.eventscope.ui.heldwindow.HeldWindowViews.carriedInOverChart(model.heldWindow()));
        bottom.getChildren().addAll(replayBar, new MainStatusBar(session, model.findings()));
        Shortcuts.install(this, model.replay(), commands);
        LiveAlerts.install(this, session, model.darkProperty());
    }

    /** The window's split panes by the name their dividers are remembered under (see {@link PaneLayout}). */
    public Map<String, SplitPane> splitPanes() {
        Map<String, SplitPane> panes = new LinkedHashMap<>();
        panes.put("split.table-state", upperSplit);
        panes.put("split.main", mainSplit);
        panes.put("split.state-violations", stateSplit);
        panes.put("split.detail", detailView);
        return panes;
    }

    /** What the menu, tool bar and keys do (tests and tools call them directly). */
    public WindowActions commands() {
        return commands;
    }

    /** Opens a source and remembers it for Reload. */
    public void open(String source) {
        model.open(source);
    }

    /** Applies the theme to a scene now and whenever it changes. */
    public void themeScene(Scene scene) {
        Themes.apply(scene, model.darkProperty().get());
        model.darkProperty().addListener((o, a, d) -> Themes.apply(scene, d));
    }

    public MainViewModel model() {
        return model;
    }

    public CursorSync cursorSync() {
        return cursorSync;
    }

    public TimelineTableView table() {
        return table;
    }

    public BalanceChart chart() {
        return chart;
    }

    public ReplayBarView replayBar() {
        return replayBar;
    }

    public StatePanelView statePanel() {
        return statePanel;
    }

    public DetailView detailView() {
        return detailView;
    }
}
