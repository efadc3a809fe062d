package io.eventscope.ui.chart;

import io.eventscope.replay.ChangeText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/** The chart with its field chooser (any decimal state field) over its top right corner; both bind. */
public final class ChartView extends StackPane {
    private final ComboBox<String> chooser = new ComboBox<>();

    public ChartView(ChartViewModel model, BalanceChart chart) {
        chooser.setId("chartField");
        chooser.setItems(model.fields());
        chooser.valueProperty().bindBidirectional(model.chosenFieldProperty());
        chooser.setFocusTraversable(false);
        chooser.setTooltip(new Tooltip("The state field the chart draws"));
        chooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(String field) {
                return field == null ? "" : ChangeText.label(field);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        // One field leaves nothing to choose: the chooser would only cover the chart.
        chooser.visibleProperty().bind(Bindings.size(model.fields()).greaterThan(1));
        chooser.getStyleClass().add("chart-field");
        chart.fieldProperty().bind(model.chosenFieldProperty());
        StackPane.setAlignment(chooser, Pos.TOP_RIGHT);
        StackPane.setMargin(chooser, new Insets(3, 16, 0, 0));
        getChildren().addAll(chart, chooser);
    }

    public ComboBox<String> chooser() {
        return chooser;
    }
}
