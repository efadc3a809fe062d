package io.eventscope.ui;

import io.eventscope.ui.format.Formats;
import io.eventscope.ui.chart.BalanceChart;
import io.eventscope.ui.connect.ConnectDialog;
import io.eventscope.ui.connect.ConnectViewModel;
import io.eventscope.ui.detail.DetailView;
import io.eventscope.ui.filter.FilterBarView;
import io.eventscope.ui.replay.ReplayBarView;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.state.StatePanelView;
import io.eventscope.ui.timeline.CursorSync;
import io.eventscope.ui.timeline.TimelineTableView;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The main window's layout (DESIGN §8): tool bar and filter on top; table beside state; chart; detail;
 * replay bar and status at the bottom. Composes the feature views and routes the keyboard shortcuts.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel model;
    private final Supplier<ConnectViewModel> connectModels;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final TimelineTableView table;
    private final FilterBarView filterBar;
    private final BalanceChart chart = new BalanceChart();
    private final ReplayBarView replayBar;
    private final StatePanelView statePanel;
    private final DetailView detailView;
    private SplitPane[] splits;
    private final CursorSync cursorSync;
    private static final String[] SPLIT_NAMES = {"split.table-state", "split.main", "split.detail"};

    public MainWindow(MainViewModel model, Supplier<ConnectViewModel> connectModels) {
        this.model = model;
        this.connectModels = connectModels;
        getStyleClass().add("main-window");
        setId("mainWindow");
        SessionViewModel session = model.session();

        table = new TimelineTableView(model.table(), session::session, model.times());
        session.sessionProperty().addListener((o, a, s) -> table.showBrokerTime(s != null
                && s.source().coordinateKind() != io.eventscope.event.CoordinateKind.LINE));
        filterBar = new FilterBarView(model.filter(), this::knownTypes);
        statePanel = new StatePanelView(model.state(), model.times());
        detailView = new DetailView(model.detail());
        replayBar = new ReplayBarView(model.replay(), session, model.times(), this::goTo);
        // While a load runs or the slider is dragged, the selection follows but the table does not scroll.
        cursorSync = new CursorSync(table, model.table().rows(), model.replay(),
                session.loadingProperty().and(model.replay().followProperty().not())
                        .or(replayBar.slider().valueChangingProperty()));

        chart.setId("balanceChart");
        chart.seriesProperty().bind(model.chart().seriesProperty());
        chart.replayCursorProperty().bind(model.replay().cursorProperty());
        chart.extentProperty().bind(session.sizeProperty());
        chart.darkProperty().bind(dark);
        chart.setOnPick(p -> model.replay().moveTo(p));

        Label shown = new Label();
        shown.getStyleClass().add("shown-count");
        shown.textProperty().bind(Bindings.createStringBinding(() -> model.table().criteriaProperty().get().isEmpty()
                ? "" : Formats.count(model.table().shownSizeProperty().get()) + " of " + Formats.count(session.size())
                        + " shown", model.table().shownSizeProperty(), session.sizeProperty(),
                model.table().criteriaProperty()));
        var tableAndBar = new io.eventscope.ui.timeline.TimelineTablePane(table); // its bar spans all rows
        VBox tableBox = new VBox(tableAndBar);
        VBox.setVgrow(tableAndBar, Priority.ALWAYS);
        SplitPane upper = new SplitPane(tableBox, statePanel);
        upper.setDividerPositions(0.60);
        SplitPane main = new SplitPane(upper, chart, detailView);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.50, 0.74);
        splits = new SplitPane[] {upper, main, detailView};
        setCenter(main);

        HBox bars = new HBox(toolBar(), filterRow(shown));
        HBox.setHgrow(bars.getChildren().get(1), Priority.ALWAYS);
        bars.getStyleClass().add("main-toolbar");
        bars.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(menuBar(), bars, errorBanner());
        setTop(top);
        setBottom(new VBox(replayBar, statusBar()));
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open file…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> openFile());
        MenuItem connect = new MenuItem("Connect…");
        connect.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        connect.setOnAction(e -> connect());
        MenuItem sample = new MenuItem("Open bundled sample");
        sample.setOnAction(e -> open(io.eventscope.load.Sources.BUNDLED_SAMPLE));
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, open, connect, sample, quit);
        CheckMenuItem darkItem = new CheckMenuItem("Dark theme");
        darkItem.selectedProperty().bindBidirectional(dark);
        MenuItem goTo = new MenuItem("Go to…");
        goTo.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        goTo.setOnAction(e -> goTo());
        CheckMenuItem localTime = new CheckMenuItem("Local time (" + model.times().localZone().getId() + ")");
        localTime.setId("menuLocalTime");
        localTime.selectedProperty().bindBidirectional(model.times().localProperty());
        Menu view = new Menu("View", null, goTo, darkItem, localTime);
        MenuBar bar = new MenuBar(file, view);
        return bar;
    }

    private ToolBar toolBar() {
        SessionViewModel session = model.session();
        Button open = new Button("Open");
        open.setId("toolOpen");
        open.setOnAction(e -> openFile());
        Button connect = new Button("Connect");
        connect.setId("toolConnect");
        connect.setOnAction(e -> connect());
        Button reload = new Button("Reload");
        reload.setId("toolReload");
        reload.setTooltip(new Tooltip("Read the source again from the start"));
        reload.disableProperty().bind(session.sessionProperty().isNull().or(session.loadingProperty()));
        reload.setOnAction(e -> reload());
        Label live = new Label("● Live");
        live.setId("liveIndicator");
        live.getStyleClass().add("live-indicator");
        live.visibleProperty().bind(session.liveProperty());
        live.managedProperty().bind(live.visibleProperty());
        keepWidth(open, connect, reload, live);
        ToolBar bar = new ToolBar(open, connect, reload, live);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    /** The edges of the window: a compact tool bar whose buttons never collapse. */
    private static void keepWidth(javafx.scene.control.Control... controls) {
        for (var c : controls) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** The filter gets its own full-width row so it stays usable at 1024 pixels. */
    private HBox filterRow(Label shown) {
        HBox.setHgrow(filterBar, Priority.ALWAYS);
        HBox row = new HBox(8, filterBar, shown);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("filter-row");
        return row;
    }

    private HBox errorBanner() {
        SessionViewModel session = model.session();
        Label message = new Label();
        message.setId("errorMessage");
        message.setWrapText(true);
        message.textProperty().bind(session.errorProperty());
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> session.dismissError());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox banner = new HBox(10, new Label("⚠"), message, gap, dismiss);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("error-banner");
        banner.visibleProperty().bind(session.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox statusBar() {
        SessionViewModel session = model.session();
        Label status = new Label();
        status.setId("statusText");
        status.textProperty().bind(session.statusProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label progressText = new Label();
        progressText.setId("progressText");
        progressText.textProperty().bind(session.progressTextProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("loadProgress");
        progress.progressProperty().bind(session.progressProperty());
        progress.setPrefWidth(160);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelLoad");
        cancel.setOnAction(e -> session.cancelLoad());
        for (var n : List.of(progress, cancel, progressText)) {
            n.visibleProperty().bind(session.loadingProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        Button stopLive = new Button("Stop live");
        stopLive.setId("stopLive");
        stopLive.setOnAction(e -> session.stopLive());
        stopLive.visibleProperty().bind(session.liveProperty());
        stopLive.managedProperty().bind(stopLive.visibleProperty());
        HBox bar = new HBox(8, status, gap, progressText, progress, cancel, stopLive);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private List<String> knownTypes() {
        Session s = model.session().session();
        List<String> types = new ArrayList<>();
        if (s != null) {
            for (int i = 0; i < s.timeline().typeCount(); i++) {
                types.add(s.timeline().typeName(i));
            }
            types.sort(String.CASE_INSENSITIVE_ORDER);
        }
        return types;
    }

    private void shortcut(KeyEvent e) {
        boolean typing = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
        var replay = model.replay();
        if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
            filterBar.focusText();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.G) {
            goTo();
            e.consume();
            return;
        }
        if (typing || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case LEFT -> replay.step(e.isShiftDown() ? -100 : -1);
            case RIGHT -> replay.step(e.isShiftDown() ? 100 : 1);
            case HOME -> replay.toStart();
            case END -> replay.toEnd();
            case SPACE -> replay.togglePlay();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Asks for a position or time and moves the cursor there. */
    public void goTo() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Go to");
        dialog.setHeaderText("Go to a position (e.g. 1200) or a time (e.g. 2024-03-01T09:41:12Z)");
        dialog.getEditor().setId("goToInput");
        dialog.showAndWait().ifPresent(text -> {
            String problem = model.replay().goTo(text);
            if (problem != null) {
                model.session().errorProperty().set(problem);
            }
        });
    }

    public void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open event log");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl", "*.ndjson",
                "*.json"), new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            open(f.getAbsolutePath());
        }
    }

    /** Shows the Connect dialog; opens what it returns. */
    public ConnectDialog connectDialog() {
        return new ConnectDialog(connectModels.get(), getScene().getWindow());
    }

    public void connect() {
        ConnectDialog dialog = connectDialog();
        Themes.apply(dialog.getDialogPane().getScene(), dark.get());
        dialog.showAndWait().ifPresent(this::open);
    }

    private void reload() {
        if (lastOpened != null) {
            model.open(lastOpened);
        }
    }

    private String lastOpened;

    /** Opens a source and remembers it for Reload. */
    public void open(String source) {
        lastOpened = source;
        model.open(source);
    }

    /** Restores the dividers from {@code layout}; call once the window is shown. */
    public void restoreLayout(PaneLayout layout) {
        for (int i = 0; i < splits.length; i++) {
            layout.restore(SPLIT_NAMES[i], splits[i]);
        }
    }

    /** Notes the dividers in {@code layout} and saves it. */
    public void saveLayout(PaneLayout layout) {
        for (int i = 0; i < splits.length; i++) {
            layout.remember(SPLIT_NAMES[i], splits[i]);
        }
        layout.save();
    }

    public CursorSync cursorSync() {
        return cursorSync;
    }

    public MainViewModel model() {
        return model;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Applies the theme to a scene now and whenever it changes. */
    public void themeScene(Scene scene) {
        Themes.apply(scene, dark.get());
        dark.addListener((o, a, d) -> Themes.apply(scene, d));
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
