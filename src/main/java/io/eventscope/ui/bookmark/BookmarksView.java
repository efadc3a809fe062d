package io.eventscope.ui.bookmark;

import io.eventscope.casefile.Bookmark;
import io.eventscope.casefile.BookmarkCheck;
import io.eventscope.ui.format.Formats;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Bookmarks list: one row per bookmark (position, note escaped, author, time, and a mark when the reopened
 * source no longer holds its event); a click or Enter jumps, Edit note… and Delete act on the selected one.
 * Shown only while there are bookmarks.
 */
public final class BookmarksView extends VBox {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private final ListView<Bookmark> list = new ListView<>();

    /** @param editNote opens the note dialog for a bookmark (the window's dialog) */
    public BookmarksView(BookmarksViewModel model, BiConsumer<Bookmark, BookmarksViewModel> editNote) {
        setId("bookmarksView");
        setSpacing(4);
        getStyleClass().add("bookmarks-view");
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> "Bookmarks (" + model.bookmarks().size() + ")",
                model.bookmarks()));
        Button edit = new Button("Edit note…");
        edit.setId("bookmarkEdit");
        edit.setOnAction(e -> selected(b -> editNote.accept(b, model)));
        Button delete = new Button("Delete");
        delete.setId("bookmarkDelete");
        delete.setOnAction(e -> selected(model::delete));
        edit.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(edit.disableProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, title, gap, edit, delete);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        list.setId("bookmarkList");
        list.setItems(model.bookmarks());
        list.setPrefHeight(130);
        list.setMinHeight(80);
        setMinHeight(Region.USE_PREF_SIZE); // beside the violations table, which gives way first
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Bookmark b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : line(b, model.statusOf(b)));
                setTooltip(empty || b == null ? null : new Tooltip(tip(model.statusOf(b))));
                setOnMouseClicked(empty || b == null ? null : e -> model.goTo(b));
            }
        });
        model.checked().addListener((javafx.collections.MapChangeListener<Integer, BookmarkCheck.Status>) c -> list.refresh());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                selected(model::goTo);
            } else if (e.getCode() == KeyCode.DELETE) {
                selected(model::delete);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(head, list);
        visibleProperty().bind(Bindings.isNotEmpty(model.bookmarks()));
        managedProperty().bind(visibleProperty());
    }

    private void selected(java.util.function.Consumer<Bookmark> action) {
        Bookmark b = list.getSelectionModel().getSelectedItem();
        if (b != null) {
            action.accept(b);
        }
    }

    /** One row: "#1,204 · refund? — ann, 2026-12-01 10:00Z", with the reopened source's verdict first. */
    static String line(Bookmark b, BookmarkCheck.Status status) {
        String mark = switch (status) {
            case SAME -> "";
            case MISSING -> "✕ gone · ";
            case DIFFERENT -> "≠ changed · ";
        };
        String note = b.note().isBlank() ? "(no note)" : b.shownNote();
        String by = b.author().isBlank() ? "" : " — " + io.eventscope.casefile.Escaped.of(b.author()) + ",";
        return mark + "#" + Formats.count(b.position()) + " · " + note + by + " " + WHEN.format(b.time());
    }

    private static String tip(BookmarkCheck.Status status) {
        return switch (status) {
            case SAME -> "Click to go to this event";
            case MISSING -> "The source no longer holds this event (it ends before this position)";
            case DIFFERENT -> "The source holds a different event here now (its payload hash differs)";
        };
    }

    public ListView<Bookmark> list() {
        return list;
    }
}
