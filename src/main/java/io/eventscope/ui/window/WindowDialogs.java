package io.eventscope.ui.window;

import io.eventscope.ui.connect.ConnectDialog;
import io.eventscope.ui.connect.ConnectViewModel;
import io.eventscope.ui.replay.GoToDialog;
import io.eventscope.ui.replay.ReplayViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's dialogs: open a file, connect, go to. Each returns what the user chose. */
public final class WindowDialogs {
    private final Node window;
    private final Supplier<ConnectViewModel> connectModels;
    private final ObservableBooleanValue dark;

    public WindowDialogs(Node window, Supplier<ConnectViewModel> connectModels, ObservableBooleanValue dark) {
        this.window = window;
        this.connectModels = connectModels;
        this.dark = dark;
    }

    private Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    public Optional<String> chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open event log");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl", "*.ndjson",
                "*.json"), new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner());
        return Optional.ofNullable(f).map(File::getAbsolutePath);
    }

    /** A projection spec file (JSON) chosen by the user. */
    public Optional<Path> chooseProjection() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Replay under a projection spec");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Projection spec", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner());
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** A new or empty folder for an evidence pack. */
    public Optional<java.nio.file.Path> chooseFolder(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner())).map(File::toPath);
    }

    public Optional<java.nio.file.Path> chooseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Reconcile against a CSV (entity, then state fields)");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner())).map(File::toPath);
    }

    /** Shows the reconcile differences (filled in the background) in the window's theme. */
    public void showReconcile(io.eventscope.ui.reconcile.ReconcileViewModel model) {
        io.eventscope.ui.reconcile.ReconcileView dialog = new io.eventscope.ui.reconcile.ReconcileView(model, owner());
        Themes.apply(dialog.getDialogPane().getScene(), dark.get());
        dialog.show();
    }

    /** A Connect dialog in the window's theme, not yet shown. */
    public ConnectDialog connectDialog() {
        ConnectDialog dialog = new ConnectDialog(connectModels.get(), owner());
        Themes.apply(dialog.getDialogPane().getScene(), dark.get());
        return dialog;
    }

    public Optional<String> connect() {
        return connectDialog().showAndWait();
    }

    /** A yes/no question; true when the user confirmed. */
    public boolean confirm(String title, String text) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                text, javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        alert.initOwner(owner());
        alert.setTitle(title);
        alert.setHeaderText(title);
        Themes.apply(alert.getDialogPane().getScene(), dark.get());
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    public Optional<String> goTo(ReplayViewModel replay) {
        GoToDialog dialog = new GoToDialog(replay, owner());
        Themes.apply(dialog.getDialogPane().getScene(), dark.get());
        return dialog.showAndWait();
    }
}
