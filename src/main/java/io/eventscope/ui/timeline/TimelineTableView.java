package io.eventscope.ui.timeline;

import io.eventscope.event.Flag;
import io.eventscope.event.Timeline;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.session.BalanceRules;
import io.eventscope.ui.session.Session;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
 * The timeline table: one virtualised row per shown position; cells read the timeline's columns for
 * the few rows on screen. Sorting is delegated to the view model (computed off the FX thread). The
 * table holds only a window of the rows ({@link WindowedRows}); {@link #scroller()} spans them all.
 */
public final class TimelineTableView extends TableView<Integer> {
    static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");
    static final int WINDOW_ROWS = 4000;
    static final int WINDOW_MARGIN = 1000;

    private final Supplier<Session> session;
    private BalanceRules rules;
    private Session rulesFor;
    private final WindowedRows windowed;
    private final WindowScroller scroller;

    public TimelineTableView(TimelineTableViewModel model, Supplier<Session> session, TimeDisplay times) {
        // A few thousand rows held: VirtualFlow's per-layout cost grows with the scroll position.
        windowed = new WindowedRows(model.rows(), new RowWindow(WINDOW_ROWS, WINDOW_MARGIN));
        setItems(windowed);
        scroller = new WindowScroller(this, windowed);
        this.session = session;
        times.zoneProperty().addListener((o, a, z) -> refresh());
        getStyleClass().add("timeline-table");
        setId("timelineTable");
        setTableMenuButtonVisible(true); // columns can be hidden
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setPlaceholder(new Label("No events to show."));
        setFixedCellSize(26); // uniform rows keep scrolling a million of them cheap

        getColumns().add(column("Position", SortKey.POSITION, 90, p -> "#" + Formats.count(p), "numeric"));
        getColumns().add(column("Event time", SortKey.EVENT_TIME, 190,
                p -> withTimeline(t -> t.hasEventTime(p - 1) ? times.formatNanos(t.effectiveTimeAt(p - 1)) : ""), null));
        TableColumn<Integer, Integer> broker = column("Broker time", SortKey.BROKER_TIME, 190,
                p -> withTimeline(t -> times.formatNanos(t.brokerTimeAt(p - 1))), null);
        getColumns().add(broker);
        getColumns().add(column("Type", SortKey.TYPE, 130,
                p -> withTimeline(t -> nullToEmpty(t.typeName(t.typeIdAt(p - 1)))), null));
        getColumns().add(column("Entity", SortKey.ENTITY, 110,
                p -> withTimeline(t -> t.entityName(t.entityIdAt(p - 1))), null));
        getColumns().add(amountColumn());
        getColumns().add(column("Flags", SortKey.FLAGS, 150, p -> withTimeline(t -> flagText(t, p)), "flags"));

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

    /** Hides the broker-time column for sources that have none (files). */
    public void showBrokerTime(boolean show) {
        getColumns().get(2).setVisible(show);
    }

    private String withTimeline(Function<Timeline, String> read) {
        Session s = session.get();
        return s == null ? "" : read.apply(s.timeline());
    }

    /** A cell can briefly hold a row of the previous session (a spare cell laid out again): show nothing. */
    private static boolean readable(Integer p, Session s) {
        return p != null && s != null && p >= 1 && p <= s.timeline().size();
    }

    private TableColumn<Integer, Integer> column(String title, SortKey key, double width,
                                                 Function<Integer, String> text, String styleClass) {
        TableColumn<Integer, Integer> c = new TableColumn<>(title);
        c.setUserData(key);
        c.setPrefWidth(width);
        c.setId("col-" + key.name().toLowerCase(java.util.Locale.ROOT));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || !readable(p, session.get()) ? null : text.apply(p));
            }
        });
        if (styleClass != null) {
            c.getStyleClass().add(styleClass);
        }
        return c;
    }

    private TableColumn<Integer, Integer> amountColumn() {
        TableColumn<Integer, Integer> c = column("Amount", SortKey.AMOUNT, 120, p -> "", "numeric");
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("credit", "debit");
                Session s = session.get();
                if (empty || !readable(p, s)) {
                    setText(null);
                    return;
                }
                Timeline t = s.timeline();
                int f = t.numericFieldIndex("amount");
                BigDecimal amount = f < 0 ? null : t.numbers(f).get(p - 1);
                setText(amount == null ? "" : Formats.money(amount));
                int direction = rules(s).direction(p - 1);
                if (direction > 0) {
                    getStyleClass().add("credit");
                } else if (direction < 0) {
                    getStyleClass().add("debit");
                }
            }
        });
        return c;
    }

    private BalanceRules rules(Session s) {
        if (rulesFor != s) {
            rules = new BalanceRules(s.timeline(), s.spec());
            rulesFor = s;
        }
        return rules;
    }

    private static String flagText(Timeline t, int position) {
        List<Flag> flags = t.flagsAt(position - 1);
        return flags.isEmpty() ? "" : "⚑ " + flags.stream().map(f -> f.kind().label()).collect(Collectors.joining(", "));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Flagged rows stand out; their tooltip gives the reasons in full. */
    private final class FlaggedAwareRow extends TableRow<Integer> {
        private Tooltip tip; // created only for flagged rows: tooltips are costly to build

        @Override
        protected void updateItem(Integer p, boolean empty) {
            super.updateItem(p, empty);
            Session s = session.get();
            boolean flagged = !empty && readable(p, s) && s.timeline().isFlagged(p - 1);
            pseudoClassStateChanged(FLAGGED, flagged);
            if (flagged) {
                if (tip == null) {
                    tip = new Tooltip();
                }
                tip.setText(s.timeline().flagsAt(p - 1).stream().map(Flag::reason)
                        .collect(Collectors.joining("\n")));
                setTooltip(tip);
            } else {
                setTooltip(null);
            }
        }
    }
}
