package io.eventscope.ui.filter;

import io.eventscope.ui.fxml.Fxml;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.RangeSlider;
import org.controlsfx.control.textfield.TextFields;

/** The filter bar (layout in FilterBarView.fxml); binds the controls to the {@link FilterViewModel}. */
public final class FilterBarView extends HBox {
    private static final int ENTITY_SUGGESTIONS = 20;
    /** The search grammar ({@link io.eventscope.search.SearchQuery}), shown on the text field. */
    static final String GRAMMAR = String.join("\n",
            "Terms separated by spaces; an event must match all of them:",
            "  words                        payload text contains them (any case)",
            "  \"two words\"                  kept together",
            "  name=value                   type, entity, a projection field (amount) or a top-level field",
            "  /data/items/0/sku=value      the value at a JSON Pointer into the payload",
            "  header:ce-type=value         a message header",
            "  owner=\"Jane Doe\"             a value with spaces is quoted",
            "  time:2024-03-01T10:00..2024-03-01T12:00   event time, either end may be left out;",
            "                               no Z or offset: the time zone the window shows",
            "Values are equal as written; numbers by decimal value (amount=10 matches 10.00).",
            "Masked fields match nothing until revealed.");

    @FXML
    private TextField text;
    @FXML
    private CheckComboBox<String> types;
    @FXML
    private TextField entity;
    @FXML
    private TextField from;
    @FXML
    private RangeSlider range;
    @FXML
    private TextField to;
    @FXML
    private ToggleButton flagged;
    @FXML
    private Button clear;
    @FXML
    private Label problem;
    private boolean syncingTypes;
    private boolean syncingRange;

    public FilterBarView(FilterViewModel model, KnownNames names) {
        Fxml.load(this);
        text.textProperty().bindBidirectional(model.textProperty());
        text.setOnAction(e -> model.apply());
        text.setTooltip(new Tooltip(GRAMMAR));
        entity.textProperty().bindBidirectional(model.entityProperty());
        entity.setOnAction(e -> model.apply());
        TextFields.bindAutoCompletion(entity, request -> names.entitiesContaining(request.getUserText(),
                ENTITY_SUGGESTIONS));
        bindTypes(model, names);
        from.textProperty().bindBidirectional(model.fromProperty());
        from.setOnAction(e -> model.apply());
        to.textProperty().bindBidirectional(model.toProperty());
        to.setOnAction(e -> model.apply());
        bindRange(model);
        flagged.selectedProperty().bindBidirectional(model.flaggedOnlyProperty());
        clear.setOnAction(e -> model.clear());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
    }

    /**
     * The slider clamps its thumbs whenever its ends move, so it is not bound: the model's values are
     * copied in an order that never clamps, and only the user's drags go back to the model.
     */
    private void bindRange(FilterViewModel model) {
        for (var p : List.of(model.rangeMinProperty(), model.rangeMaxProperty(), model.rangeLowProperty(),
                model.rangeHighProperty())) {
            p.addListener((o, a, v) -> showRange(model));
        }
        showRange(model);
        range.lowValueProperty().addListener((o, a, v) -> {
            if (!syncingRange) {
                model.rangeLowProperty().set(v.doubleValue());
            }
        });
        range.highValueProperty().addListener((o, a, v) -> {
            if (!syncingRange) {
                model.rangeHighProperty().set(v.doubleValue());
            }
        });
        range.disableProperty().bind(model.rangeMaxProperty().subtract(model.rangeMinProperty()).lessThanOrEqualTo(1));
    }

    private void showRange(FilterViewModel model) {
        double min = model.rangeMinProperty().get();
        double max = model.rangeMaxProperty().get();
        syncingRange = true;
        range.setMin(Math.min(min, range.getMin())); // widen first: nothing is clamped on the way
        range.setMax(Math.max(max, range.getMax()));
        range.setLowValue(range.getMin());
        range.setHighValue(Math.max(min, Math.min(max, model.rangeHighProperty().get())));
        range.setLowValue(Math.max(min, Math.min(range.getHighValue(), model.rangeLowProperty().get())));
        range.setMin(min);
        range.setMax(max);
        syncingRange = false;
    }

    /** The check boxes show the model's set of types; checking one changes the set. */
    private void bindTypes(FilterViewModel model, KnownNames names) {
        types.getItems().setAll(names.types());
        names.types().addListener((ListChangeListener<String>) c -> {
            syncingTypes = true;
            types.getItems().setAll(names.types());
            syncingTypes = false;
            showTypes(model);
        });
        model.types().addListener((SetChangeListener<String>) c -> {
            if (!syncingTypes) {
                showTypes(model);
            }
        });
        types.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncingTypes) {
                List<String> checked = List.copyOf(types.getCheckModel().getCheckedItems());
                syncingTypes = true; // the set follows the boxes; the boxes need no redraw
                model.types().retainAll(checked);
                model.types().addAll(checked);
                syncingTypes = false;
            }
        });
        types.titleProperty().bind(Bindings.createStringBinding(() -> switch (model.types().size()) {
            case 0 -> "any type";
            case 1 -> model.types().iterator().next();
            default -> model.types().size() + " types";
        }, model.types()));
    }

    private void showTypes(FilterViewModel model) {
        syncingTypes = true;
        types.getCheckModel().clearChecks();
        for (String t : model.types()) {
            types.getCheckModel().check(t);
        }
        syncingTypes = false;
    }

    /** Puts the caret in the text filter (Ctrl+F). */
    public void focusText() {
        text.requestFocus();
        text.selectAll();
    }
}
