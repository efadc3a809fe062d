package io.eventscope.ui.bookmark;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a bookmark's note and author (prefilled); returns both, or nothing when cancelled. */
public final class NoteDialog extends Dialog<String[]> {
    private final TextArea note = new TextArea();
    private final TextField author = new TextField();

    public NoteDialog(String title, String noteText, String authorText, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(title);
        note.setId("bookmarkNote");
        note.setPrefRowCount(4);
        note.setWrapText(true);
        note.setText(noteText);
        note.setTextFormatter(limit(io.eventscope.casefile.Bookmark.MAX_NOTE));
        author.setId("bookmarkAuthor");
        author.setText(authorText);
        author.setTextFormatter(limit(io.eventscope.casefile.Bookmark.MAX_AUTHOR));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Note"), note);
        grid.addRow(1, new Label("Author"), author);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? new String[] {note.getText(), author.getText()} : null);
        setOnShown(e -> Platform.runLater(note::requestFocus));
    }

    private static <T> TextFormatter<T> limit(int max) {
        return new TextFormatter<>(change -> change.getControlNewText().length() <= max ? change : null);
    }

    public TextArea note() {
        return note;
    }
}
