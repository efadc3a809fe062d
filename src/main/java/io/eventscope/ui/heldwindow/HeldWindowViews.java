package io.eventscope.ui.heldwindow;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The held window's parts of the window: the offer bar, the extent under the slider, the chart's note. Bind only. */
public final class HeldWindowViews {
    private HeldWindowViews() {
    }

    /** The one-sentence offer with its three answers, under the tool bar while there is one. */
    public static Node offerBar(HeldWindowViewModel model) {
        Label sentence = new Label();
        sentence.setId("heldWindowOffer");
        sentence.setWrapText(true);
        sentence.textProperty().bind(model.offerProperty());
        Button last = new Button();
        last.setId("heldWindowLast");
        last.textProperty().bind(model.offerProperty().map(o -> "Load the last " + io.eventscope.ui.format.Formats
                .count(model.offeredLast())));
        last.setOnAction(e -> model.loadLast());
        last.visibleProperty().bind(model.offerProperty().map(o -> model.offeredLast() > 0));
        last.managedProperty().bind(last.visibleProperty());
        Button since = new Button("Since…");
        since.setId("heldWindowSince");
        since.setOnAction(e -> askSince(model, since, null));
        Button keep = new Button();
        keep.textProperty().bind(model.keepTextProperty());
        keep.setId("heldWindowKeep");
        keep.setOnAction(e -> model.keep());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, new Label("⚠"), sentence, gap, last, since, keep);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("heldWindowBar");
        bar.getStyleClass().add("held-window-offer");
        bar.visibleProperty().bind(model.offerProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private static void askSince(HeldWindowViewModel model, Node owner, String problem) {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Load since a time");
        ask.setHeaderText(problem != null ? problem
                : "Events since this time are loaded; the history before it is folded into their starting balances.");
        ask.setContentText("Time (ISO-8601, e.g. 2024-03-01T09:41:12Z):");
        if (owner.getScene() != null) {
            ask.initOwner(owner.getScene().getWindow());
        }
        ask.showAndWait().ifPresent(text -> {
            String again = model.loadSince(text);
            if (again != null) {
                askSince(model, owner, again);
            }
        });
    }

    /** Where the held window lies on the whole source, under the slider (hidden for a whole load). */
    public static Node extentUnderSlider(HeldWindowViewModel model) {
        Label extent = shownWhenSaid("heldWindowExtent", model.extentProperty());
        extent.managedProperty().bind(extent.visibleProperty());
        return extent;
    }

    /** Over the chart's top edge: its first point carries in the balance of the history before the window. */
    public static Node carriedInOverChart(HeldWindowViewModel model) {
        Label note = shownWhenSaid("heldWindowCarriedIn", model.carriedInProperty());
        note.setMouseTransparent(true);
        StackPane.setAlignment(note, Pos.TOP_CENTER); // the legend holds the top left corner, the field chooser the right
        StackPane.setMargin(note, new javafx.geometry.Insets(4, 0, 0, 0));
        return note;
    }

    /** A label showing {@code text}, visible only while there is any. */
    private static Label shownWhenSaid(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("held-window-extent");
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        return label;
    }
}
