package io.eventscope.ui.state;

import io.eventscope.ui.format.ColumnWidths;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.format.TimeDisplay;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Every entity's state at the cursor: sortable, searchable; the selection picks what the chart draws. */
public final class StatePanelView extends VBox {
    private final TableView<EntityRow> table = new TableView<>();
    private boolean restoring;

    public StatePanelView(StateViewModel model, TimeDisplay times) {
        getStyleClass().add("state-panel");
        setSpacing(4);

        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.setId("stateTitle");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            int p = model.shownPositionProperty().get();
            return p < 0 ? "State" : "State after #" + Formats.count(p);
        }, model.shownPositionProperty()));
        TextField search = new TextField();
        search.setId("stateSearch");
        search.setPromptText("Search entities…");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox header = new HBox(8, title, search);
        header.setAlignment(Pos.CENTER_LEFT);

        table.setId("stateTable");
        table.setFixedCellSize(26); // uniform rows: no per-row measuring when all rows change at once
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No entity has state yet."));
        // Columns keep the width their content needs (never "74,074,073,415…"); the table scrolls sideways.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        times.zoneProperty().addListener((o, a, z) -> table.refresh());
        showColumns(model.columns(), times);
        model.columns().addListener((ListChangeListener<StateColumn>) c -> showColumns(model.columns(), times));
        model.widestProperty().addListener((o, a, w) -> fitToContent(w));

        SortedList<EntityRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        VBox.setVgrow(table, Priority.ALWAYS);

        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<EntityRow>) c -> {
            if (!restoring && !model.updating()) {
                model.selectedEntities().setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).map(EntityRow::entity).distinct().toList());
            }
        });
        model.refreshedProperty().addListener((o, a, n) -> restoreSelection(model));
        model.selectedEntities().addListener((ListChangeListener<String>) c -> {
            if (!restoring) {
                restoreSelection(model);
            }
        });

        getChildren().addAll(header, table);
    }

    /** Entity, one column per state field of the projection (decimals right-aligned), events, last change. */
    private void showColumns(List<StateColumn> fields, TimeDisplay times) {
        TableColumn<EntityRow, String> entity = column("Entity", EntityRow::label, s -> s, null);
        entity.setPrefWidth(95);
        entity.setMinWidth(90);
        List<TableColumn<EntityRow, ?>> all = new ArrayList<>(List.of(entity));
        for (StateColumn f : fields) {
            if (f.decimal()) {
                TableColumn<EntityRow, BigDecimal> c = column(f.title(), r -> r.decimal(f.field()), Formats::money,
                        "numeric");
                c.setComparator(Comparator.nullsFirst(BigDecimal::compareTo));
                all.add(fieldColumn(c, f));
            } else {
                TableColumn<EntityRow, String> c = column(f.title(), r -> r.text(f.field()), s -> s, null);
                c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
                all.add(fieldColumn(c, f));
            }
        }
        TableColumn<EntityRow, Integer> events = column("Events", EntityRow::events, n -> Formats.count(n), "numeric");
        events.setMinWidth(ColumnWidths.of("Events") + 18); // the sort arrow too
        events.setPrefWidth(Math.max(events.getMinWidth(), 70));
        TableColumn<EntityRow, Instant> last = column("Last change", EntityRow::lastChange, times::format, null);
        last.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        last.setPrefWidth(190);
        all.add(events);
        all.add(last);
        table.getSortOrder().clear();
        table.getColumns().setAll(all);
    }

    private static <T> TableColumn<EntityRow, T> fieldColumn(TableColumn<EntityRow, T> c, StateColumn f) {
        c.setId("state-" + f.field());
        c.setUserData(f.field());
        double header = ColumnWidths.of(f.title()) + 18; // room for the sort arrow
        c.setMinWidth(Math.max(70, header));
        c.setPrefWidth(Math.max(c.getMinWidth(), 110));
        return c;
    }

    /** Widens each field column to its longest text at the shown position; columns never shrink on their own. */
    private void fitToContent(Map<String, String> widest) {
        for (TableColumn<EntityRow, ?> c : table.getColumns()) {
            String text = c.getUserData() instanceof String field ? widest.get(field) : null;
            if (text != null) {
                double need = ColumnWidths.of(text);
                if (need > c.getMinWidth()) {
                    c.setMinWidth(need);
                    c.setPrefWidth(Math.max(c.getPrefWidth(), need));
                }
            }
        }
    }

    public TableView<EntityRow> table() {
        return table;
    }

    /** Rows are replaced at every cursor move; keep the user's picks selected across that. */
    private void restoreSelection(StateViewModel model) {
        restoring = true;
        try {
            Set<String> wanted = new HashSet<>(model.selectedEntities());
            var sm = table.getSelectionModel();
            sm.clearSelection();
            List<EntityRow> items = table.getItems();
            for (int i = 0; i < items.size(); i++) {
                if (wanted.contains(items.get(i).entity())) {
                    sm.select(i);
                }
            }
        } finally {
            restoring = false;
        }
    }

    private static <T> TableColumn<EntityRow, T> column(String title, Function<EntityRow, T> value,
                                                        Function<T, String> text, String style) {
        TableColumn<EntityRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.apply(v));
            }
        });
        if (style != null) {
            c.getStyleClass().add(style);
        }
        return c;
    }
}
