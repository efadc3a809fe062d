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

    /** A Connect dialog in the window's theme, not yet shown. */
    public ConnectDialog connectDialog() {
        ConnectDialog dialog = new ConnectDialog(connectModels.get(), owner());
        Themes.apply(dialog.getDialogPane().getScene(), dark.get());
        return dialog;
    }

    public Optional<String> connect() {
        return connectDialog().showAndWait();
    }

    public Optional<String> goTo(ReplayViewModel replay) {
        GoToDialog dialog = new GoToDialog(replay, owner());
        Themes.apply(dialog.getDialogPane().getScene(), dark.get());
        return dialog.showAndWait();
    }
}
