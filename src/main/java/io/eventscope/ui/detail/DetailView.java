package io.eventscope.ui.detail;

import io.eventscope.replay.ChangeText;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The event at the cursor: pretty JSON beside its facts, flags, state change and headers. */
public final class DetailView extends SplitPane {
    private final TextArea json = new TextArea();
    private final VBox side = new VBox(6);

    public DetailView(DetailViewModel model) {
        getStyleClass().add("detail-pane");
        json.setId("detailJson");
        json.setEditable(false);
        json.getStyleClass().add("json");
        json.setPromptText("Select an event to see its payload.");
        side.setId("detailSide");
        side.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        getItems().addAll(json, scroll);
        setDividerPositions(0.5);
        model.detailProperty().addListener((o, a, d) -> show(d));
    }

    private void show(EventDetail d) {
        side.getChildren().clear();
        if (d == null) {
            json.clear();
            return;
        }
        json.setText(d.json());
        if (!d.flags().isEmpty()) {
            Label flags = new Label("⚑ Flagged — " + String.join("; ", d.flags()));
            flags.setId("detailFlags");
            flags.getStyleClass().add("detail-flags");
            flags.setWrapText(true);
            side.getChildren().add(flags);
        }
        Label change = new Label(d.change());
        change.setId("detailChange");
        change.getStyleClass().add("detail-change");
        change.setWrapText(true);
        side.getChildren().add(change);
        if (!d.fields().isEmpty()) {
            side.getChildren().add(fields(d.fields()));
        }
        side.getChildren().add(grid(d.facts()));
        if (!d.headers().isEmpty()) {
            Label h = new Label("Headers");
            h.getStyleClass().add("pane-title");
            side.getChildren().addAll(h, grid(d.headers()));
        }
    }

    /** Field | before → after, one row per state field; the ones the event changed in bold. */
    private static GridPane fields(List<ChangeText.FieldChange> fields) {
        GridPane g = new GridPane();
        g.setId("detailFields");
        g.getStyleClass().add("detail-fields");
        g.setHgap(10);
        g.setVgap(2);
        int r = 0;
        for (ChangeText.FieldChange f : fields) {
            Label name = new Label(ChangeText.label(f.field()));
            name.getStyleClass().add("fact-label");
            Label before = new Label(f.before());
            Label arrow = new Label("→");
            Label after = new Label(f.after());
            for (Label l : List.of(before, after)) {
                l.getStyleClass().add("fact-value");
                l.setMinWidth(Label.USE_PREF_SIZE); // an 18-digit amount stays whole
            }
            if (f.changed()) {
                after.getStyleClass().add("changed");
            }
            g.addRow(r++, name, before, arrow, after);
        }
        return g;
    }

    private static GridPane grid(Map<String, String> rows) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(2);
        int r = 0;
        for (Map.Entry<String, String> e : rows.entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("fact-label");
            Label v = new Label(e.getValue());
            v.getStyleClass().add("fact-value");
            g.addRow(r++, k, v);
        }
        return g;
    }

    public TextArea json() {
        return json;
    }
}
