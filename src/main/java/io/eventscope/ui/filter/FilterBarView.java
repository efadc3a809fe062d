package io.eventscope.ui.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Free text, type, entity, time range and "flagged only" over the timeline table. Binds only. */
public final class FilterBarView extends HBox {
    private final TextField text = new TextField();

    public FilterBarView(FilterViewModel model, Supplier<List<String>> knownTypes) {
        getStyleClass().add("filter-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);

        text.setId("filterText");
        text.setPromptText("Filter payload text…  (Ctrl+F)");
        text.textProperty().bindBidirectional(model.textProperty());
        text.setOnAction(e -> model.apply());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(100);

        ComboBox<String> type = new ComboBox<>();
        type.setId("filterType");
        type.setPromptText("any type");
        type.setOnShowing(e -> {
            List<String> items = new ArrayList<>();
            items.add(null);
            items.addAll(knownTypes.get());
            if (!type.getItems().equals(items)) {
                String keep = type.getValue();
                type.getItems().setAll(items);
                type.setValue(keep);
            }
        });
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.setPrefWidth(140);
        type.setMinWidth(110);

        TextField entity = new TextField();
        entity.setId("filterEntity");
        entity.setPromptText("entity");
        entity.setPrefColumnCount(6);
        entity.textProperty().bindBidirectional(model.entityProperty());

        TextField from = new TextField();
        from.setId("filterFrom");
        from.setPromptText("from (ISO time)");
        from.setPrefColumnCount(8);
        from.textProperty().bindBidirectional(model.fromProperty());
        TextField to = new TextField();
        to.setId("filterTo");
        to.setPromptText("to");
        to.setPrefColumnCount(8);
        to.textProperty().bindBidirectional(model.toProperty());

        ToggleButton flagged = new ToggleButton("⚑ flagged");
        flagged.setId("filterFlagged");
        flagged.setTooltip(new Tooltip("Show flagged events only"));
        flagged.selectedProperty().bindBidirectional(model.flaggedOnlyProperty());
        flagged.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button clear = new Button("Clear");
        clear.setId("filterClear");
        clear.setOnAction(e -> model.clear());
        clear.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        Label problem = new Label();
        problem.getStyleClass().add("filter-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        getChildren().addAll(text, type, entity, from, to, flagged, clear, problem);
    }

    /** Puts the caret in the text filter (Ctrl+F). */
    public void focusText() {
        text.requestFocus();
        text.selectAll();
    }
}
