package io.eventscope.ui.explain;

import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Explain list beside the chart: a title, one line per event (a click jumps to it), export and close. */
public final class ExplainView extends VBox {
    private final ListView<ExplainViewModel.Row> list = new ListView<>();

    public ExplainView(ExplainViewModel model) {
        setId("explainView");
        getStyleClass().add("explain-panel");
        setSpacing(4);
        setPrefWidth(340);
        setMinWidth(260);
        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        Button export = new Button("Export CSV…");
        export.setId("explainExport");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the list as CSV");
            chooser.setInitialFileName("explain.csv");
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                model.exportCsv(f.toPath());
            }
        });
        Button close = new Button("Close");
        close.setOnAction(e -> model.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6, gap, export, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        list.setId("explainList");
        list.setItems(model.steps());
        list.setPlaceholder(new Label("No event changed it up to the cursor."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ExplainViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : "#" + r.position() + "  " + r.type() + "  " + r.effect() + "  → "
                        + r.value() + (r.time().isEmpty() ? "" : "\n" + r.time()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> model.pick(r));
        VBox.setVgrow(list, Priority.ALWAYS);
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(title, list, buttons, message);
        visibleProperty().bind(model.activeProperty());
        managedProperty().bind(visibleProperty());
    }
}
