package io.eventscope.ui.timeline;

import io.eventscope.ui.format.ColumnWidths;
import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.session.Session;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The timeline table: one virtualised row per shown position; cells show what the view model's
 * {@link RowReader} reads for the few rows on screen. Sorting is delegated to the view model (computed
 * off the FX thread). The table holds only a window of the rows ({@link WindowedRows});
 * {@link #scroller()} spans them all.
 */
public final class TimelineTableView extends TableView<Integer> {
    static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");
    /** Event and broker time disagree, or the event time goes backwards: a clock finding. */
    static final PseudoClass CLOCK = PseudoClass.getPseudoClass("clock");
    static final int WINDOW_ROWS = 4000;
    static final int WINDOW_MARGIN = 1000;

    private final TimelineTableViewModel model;
    private final WindowedRows windowed;
    private final WindowScroller scroller;

    /** As {@link #TimelineTableView(TimelineTableViewModel, TimeDisplay)}; the session now comes from the model. */
    public TimelineTableView(TimelineTableViewModel model, Supplier<Session> unused, TimeDisplay times) {
        this(model, times);
    }

    public TimelineTableView(TimelineTableViewModel model, TimeDisplay times) {
        this.model = model;
        // A few thousand rows held: VirtualFlow's per-layout cost grows with the scroll position.
        windowed = new WindowedRows(model.rows(), new RowWindow(WINDOW_ROWS, WINDOW_MARGIN));
        setItems(windowed);
        scroller = new WindowScroller(this, windowed);
        times.zoneProperty().addListener((o, a, z) -> refresh());
        model.readerVersionProperty().addListener((o, a, v) -> refresh());
        getStyleClass().add("timeline-table");
        setId("timelineTable");
        setTableMenuButtonVisible(true); // columns can be hidden
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setPlaceholder(new Label("No events to show."));
        setFixedCellSize(26); // uniform rows keep scrolling a million of them cheap

        getColumns().add(column("Position", SortKey.POSITION, 90, (r, p) -> r.positionText(p), "numeric"));
        getColumns().add(column("Event time", SortKey.EVENT_TIME, 190, (r, p) -> r.eventTime(p, times), null));
        getColumns().add(column("Broker time", SortKey.BROKER_TIME, 190, (r, p) -> r.brokerTime(p, times), null));
        // Files have no broker time. Set, not bound: the column menu must still be able to hide it.
        TableColumn<?, ?> broker = getColumns().get(2);
        broker.setVisible(model.brokerTimesProperty().get());
        model.brokerTimesProperty().addListener((o, a, shown) -> broker.setVisible(shown));
        getColumns().add(column("Type", SortKey.TYPE, 130, RowReader::type, null));
        getColumns().add(column("Entity", SortKey.ENTITY, 110, RowReader::entity, null));
        getColumns().add(operandColumn());
        getColumns().add(column("Flags", SortKey.FLAGS, 150, RowReader::flagText, "flags"));

        setRowFactory(tv -> new FlaggedAwareRow());
        setSortPolicy(tv -> {
            if (getSortOrder().isEmpty()) {
                model.sortProperty().set(null);
            } else {
                TableColumn<Integer, ?> c = getSortOrder().get(0);
                model.sortProperty().set(new TimelineTableViewModel.Sort((SortKey) c.getUserData(),
                        c.getSortType() == TableColumn.SortType.ASCENDING));
            }
            return true;
        });
    }

    /** The rows the table holds: a window over all shown rows. */
    public WindowedRows windowed() {
        return windowed;
    }

    /** Scrolling over all shown rows; its bar goes beside the table. */
    public WindowScroller scroller() {
        return scroller;
    }

    /** Selects logical row {@code row} (over all shown rows), scrolling it into view as a click would. */
    public void selectRow(int row) {
        scroller.scrollTo(row);
        int index = windowed.indexOf(row);
        if (index >= 0) {
            getSelectionModel().clearAndSelect(index);
        }
    }

    /** Scrolls so logical row {@code row} is the first shown. */
    public void showRowAtTop(int row) {
        scroller.showTop(row);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        scroller.afterLayout();
    }


    /** What a cell shows for a position, read through the row reader. */
    private interface Cell {
        String text(RowReader reader, int position);
    }

    private TableColumn<Integer, Integer> column(String title, SortKey key, double width, Cell text,
                                                 String styleClass) {
        TableColumn<Integer, Integer> c = new TableColumn<>(title);
        c.setUserData(key);
        c.setPrefWidth(width);
        c.setId("col-" + key.name().toLowerCase(java.util.Locale.ROOT));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer p, boolean empty) {
                super.updateItem(p, empty);
                RowReader r = model.reader();
                setText(empty || !r.readable(p) ? null : text.text(r, p));
            }
        });
        if (styleClass != null) {
            c.getStyleClass().add(styleClass);
        }
        return c;
    }

    /** The projection's operand (e.g. the amount), coloured as a credit or a debit. */
    private TableColumn<Integer, Integer> operandColumn() {
        TableColumn<Integer, Integer> c = column("", SortKey.OPERAND, 120, RowReader::operandText, "numeric");
        c.textProperty().bind(model.operandTitleProperty());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("credit", "debit");
                RowReader r = model.reader();
                if (empty || !r.readable(p)) {
                    setText(null);
                    return;
                }
                String text = r.operandText(p);
                setText(text);
                widenFor(col, text);
                int direction = r.direction(p);
                if (direction > 0) {
                    getStyleClass().add("credit");
                } else if (direction < 0) {
                    getStyleClass().add("debit");
                }
            }
        });
        return c;
    }

    /**
     * Widens the operand column when a long amount comes on screen (grow only, never while measuring every
     * row): "74,074,073,415,123,456.78" is shown whole, not as "74,074,073,4…".
     */
    private static void widenFor(TableColumn<Integer, Integer> column, String text) {
        if (text != null && text.length() > 12 && column.getWidth() < ColumnWidths.MAX) {
            double need = ColumnWidths.of(text);
            if (need > column.getWidth()) {
                column.setPrefWidth(need);
            }
        }
    }

    /** Flagged rows and clock findings stand out; their tooltip gives the reasons in full. */
    private final class FlaggedAwareRow extends TableRow<Integer> {
        private Tooltip tip; // created only for flagged or clock rows: tooltips are costly to build

        @Override
        protected void updateItem(Integer p, boolean empty) {
            super.updateItem(p, empty);
            RowReader r = model.reader();
            boolean flagged = !empty && r.readable(p) && r.flagged(p);
            boolean clock = !empty && r.readable(p) && r.clockIssue(p);
            pseudoClassStateChanged(FLAGGED, flagged);
            pseudoClassStateChanged(CLOCK, clock);
            if (flagged || clock) {
                if (tip == null) {
                    tip = new Tooltip();
                }
                String flags = flagged ? r.flagReasons(p) : "";
                String clocks = clock ? r.clockReasons(p) : "";
                tip.setText(flags.isEmpty() || clocks.isEmpty() ? flags + clocks : flags + "\n" + clocks);
                setTooltip(tip);
            } else {
                setTooltip(null);
            }
        }
    }
}
