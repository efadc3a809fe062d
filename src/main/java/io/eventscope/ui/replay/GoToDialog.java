package io.eventscope.ui.replay;

import io.eventscope.ui.format.Formats;
import io.eventscope.ui.fxml.Fxml;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.controlsfx.control.textfield.TextFields;

/** Asks for a position or a time (layout in GoToDialog.fxml); returns the text typed. */
public final class GoToDialog extends Dialog<String> {
    @FXML
    private TextField input;
    @FXML
    private Label range;

    public GoToDialog(ReplayViewModel model, Window owner) {
        Fxml.load(this, getDialogPane());
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Go to");
        TextFields.bindAutoCompletion(input, model.goToSuggestions(""));
        range.setText("Positions 1 to " + Formats.count(model.endProperty().get()) + " · now at "
                + model.whereProperty().get());
        setResultConverter(button -> button == ButtonType.OK ? input.getText() : null);
        setOnShown(e -> Platform.runLater(input::requestFocus));
    }

    public TextField input() {
        return input;
    }
}
