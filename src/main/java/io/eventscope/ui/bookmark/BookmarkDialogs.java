package io.eventscope.ui.bookmark;

import io.eventscope.casefile.Bookmark;
import io.eventscope.ui.session.SessionViewModel;
import java.util.function.Function;
import javafx.scene.Node;

/** Ctrl+B and Edit note…: the note dialog, then the bookmark model. */
public final class BookmarkDialogs {
    private final Node window;
    private final BookmarksViewModel model;
    private final SessionViewModel session;
    private final Function<NoteDialog, NoteDialog> themed;

    /** @param themed applies the window's theme to a dialog before it shows */
    public BookmarkDialogs(Node window, BookmarksViewModel model, SessionViewModel session,
                           Function<NoteDialog, NoteDialog> themed) {
        this.window = window;
        this.model = model;
        this.session = session;
        this.themed = themed;
    }

    /** Adds a bookmark at the cursor (or edits the one there), asking for its note and author. */
    public void addAtCursor() {
        String problem = model.cannotAdd();
        if (problem != null) {
            session.errorProperty().set(problem);
            return;
        }
        var existing = model.atCursor();
        String title = existing.isPresent() ? "Edit bookmark at #" : "Bookmark #";
        dialog(title + existing.map(Bookmark::position).orElse(0), existing.map(Bookmark::note).orElse(""),
                existing.map(Bookmark::author).orElse(model.authorProperty().get()))
                .showAndWait().ifPresent(r -> model.addAtCursor(r[0], r[1]));
    }

    public void edit(Bookmark b, BookmarksViewModel m) {
        dialog("Edit bookmark at #" + b.position(), b.note(), b.author()).showAndWait().ifPresent(r -> m.editNote(b, r[0]));
    }

    private NoteDialog dialog(String title, String note, String author) {
        NoteDialog d = new NoteDialog(title.endsWith("#0") ? title.replace("#0", "") : title, note, author,
                window.getScene() == null ? null : window.getScene().getWindow());
        return themed.apply(d);
    }
}
