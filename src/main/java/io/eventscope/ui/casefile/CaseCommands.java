package io.eventscope.ui.casefile;

import io.eventscope.ui.session.SessionViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File → Save case… / Open case… / Copy link: the file choosers, the sign-in dialog and the clipboard. */
public final class CaseCommands {
    private static final FileChooser.ExtensionFilter CASES = new FileChooser.ExtensionFilter("Eventscope case", "*.esc");
    private final Node window;
    private final CaseViewModel model;
    private final SessionViewModel session;
    private final java.util.function.UnaryOperator<Dialog<?>> themed;

    public CaseCommands(Node window, CaseViewModel model, SessionViewModel session,
                        java.util.function.UnaryOperator<Dialog<?>> themed) {
        this.window = window;
        this.model = model;
        this.session = session;
        this.themed = themed;
        model.setSignIn(this::askSignIn);
    }

    private Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    public void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save case");
        chooser.getExtensionFilters().add(CASES);
        chooser.setInitialFileName("case.esc");
        Optional.ofNullable(chooser.showSaveDialog(owner())).map(File::toPath).map(CaseCommands::withExtension)
                .ifPresent(model::save);
    }

    static Path withExtension(Path p) {
        String name = String.valueOf(p.getFileName());
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".esc") ? p : p.resolveSibling(name + ".esc");
    }

    public void open() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open case");
        chooser.getExtensionFilters().addAll(CASES, new FileChooser.ExtensionFilter("All files", "*"));
        Optional.ofNullable(chooser.showOpenDialog(owner())).map(File::toPath).ifPresent(model::open);
    }

    /** Puts the link to the cursor's event on the clipboard and says so. */
    public void copyLink() {
        String link = model.link();
        if (link != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(link);
            Clipboard.getSystemClipboard().setContent(content);
            session.statusProperty().set("Link copied: " + link);
        }
    }

    /** Asks for the user name and password of a case's broker source (typed each time, never saved). */
    private Optional<SignIn> askSignIn(String source) {
        Dialog<SignIn> dialog = new Dialog<>();
        if (owner() != null) {
            dialog.initOwner(owner());
        }
        dialog.setTitle("Sign in to reopen the case");
        TextField user = new TextField();
        user.setId("signInUser");
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("The case's source " + source + " was opened with credentials; they are not saved."));
        GridPane.setColumnSpan(grid.getChildren().get(0), 2);
        grid.addRow(1, new Label("User"), user);
        grid.addRow(2, new Label("Password or token"), password);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? new SignIn(user.getText(), password.getText()) : null);
        themed.apply(dialog);
        return dialog.showAndWait();
    }
}
