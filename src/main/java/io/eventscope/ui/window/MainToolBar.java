package io.eventscope.ui.window;

import io.eventscope.ui.fxml.Fxml;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;

/** Open, Connect, Reload and the live indicator (MainToolBar.fxml). */
public final class MainToolBar extends ToolBar {
    private final WindowActions actions;
    @FXML
    private Button reload;
    @FXML
    private Label live;

    public MainToolBar(WindowActions actions, ObservableBooleanValue canReload, ObservableBooleanValue isLive) {
        this.actions = actions;
        Fxml.load(this);
        reload.disableProperty().bind(javafx.beans.binding.Bindings.not(canReload));
        live.visibleProperty().bind(isLive);
        live.managedProperty().bind(live.visibleProperty());
    }

    @FXML
    private void openFile() {
        actions.openFile();
    }

    @FXML
    private void connect() {
        actions.connect();
    }

    @FXML
    private void reload() {
        actions.reload();
    }
}
