package io.eventscope.ui.reconcile;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The differences of a reconcile at the cursor: a summary line and a table, in a dialog. */
public final class ReconcileView extends Dialog<Void> {
    public ReconcileView(ReconcileViewModel model, Window owner) {
        initOwner(owner);
        setTitle("Reconcile");
        setResizable(true);
        Label summary = new Label();
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        TableView<ReconcileViewModel.Row> table = new TableView<>(model.rows());
        table.setId("reconcileTable");
        table.setPlaceholder(new Label("No differences."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Entity", ReconcileViewModel.Row::entity));
        table.getColumns().add(column("Field", ReconcileViewModel.Row::field));
        table.getColumns().add(column("File says", ReconcileViewModel.Row::file));
        table.getColumns().add(column("Replay says", ReconcileViewModel.Row::replay));
        VBox content = new VBox(8, summary, table);
        content.setPrefSize(640, 420);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    private static TableColumn<ReconcileViewModel.Row, String> column(String title,
            Function<ReconcileViewModel.Row, String> value) {
        TableColumn<ReconcileViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
