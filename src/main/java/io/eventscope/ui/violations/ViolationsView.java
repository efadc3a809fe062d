package io.eventscope.ui.violations;

import io.eventscope.replay.Violation;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.fxml.Fxml;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** The Violations list (ViolationsView.fxml): binds to its view model; a click or Enter jumps to the event. */
public final class ViolationsView extends VBox {
    @FXML
    private Label title;
    @FXML
    private TextField filter;
    @FXML
    private TableView<Violation> table;
    @FXML
    private TableColumn<Violation, String> position;
    @FXML
    private TableColumn<Violation, String> entity;
    @FXML
    private TableColumn<Violation, String> invariant;
    @FXML
    private TableColumn<Violation, String> values;

    public ViolationsView(ViolationsViewModel model) {
        Fxml.load(this);
        title.textProperty().bind(model.titleProperty());
        filter.textProperty().bindBidirectional(model.filterProperty());
        table.setItems(model.shown());
        table.setPlaceholder(new Label("No invariant is broken."));
        cells(position, v -> "#" + Formats.count(v.position()));
        cells(entity, Violation::entity);
        cells(invariant, Violation::invariant);
        cells(values, ViolationsViewModel::values);
        table.setRowFactory(t -> {
            TableRow<Violation> row = new TableRow<>();
            row.setOnMouseClicked(e -> model.goTo(row.getItem()));
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.goTo(table.getSelectionModel().getSelectedItem());
            }
        });
    }

    private static void cells(TableColumn<Violation, String> column, Function<Violation, String> text) {
        column.setCellValueFactory(cd -> new ReadOnlyStringWrapper(text.apply(cd.getValue())));
    }

    public TableView<Violation> table() {
        return table;
    }
}
