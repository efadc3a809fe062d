package io.eventscope.ui.audit;

import io.eventscope.audit.FindingGroup;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * The banner above the table when the load is not the whole truth: one button per group of
 * {@link FindingsViewModel#bannerGroups()} with its count; pressing it moves the cursor to the first one.
 * The items wrap onto a second line rather than being cut short. Binds only.
 */
public final class CompletenessBanner extends FlowPane {
    public CompletenessBanner(FindingsViewModel model) {
        super(8, 4);
        setId("completenessBanner");
        getStyleClass().add("completeness-banner");
        visibleProperty().bind(Bindings.isNotEmpty(model.bannerGroups()));
        managedProperty().bind(visibleProperty());
        Label title = new Label("Not the whole truth:");
        title.setMinWidth(Label.USE_PREF_SIZE);
        title.getStyleClass().add("completeness-title");
        getChildren().add(title);
        model.bannerGroups().addListener((ListChangeListener<FindingGroup>) change -> {
            getChildren().setAll(title);
            model.bannerGroups().forEach(g -> getChildren().add(button(model, g)));
        });
    }

    private static Button button(FindingsViewModel model, FindingGroup group) {
        Button b = new Button(model.describe(group) + (group.hasPosition() ? "  ▸" : ""));
        b.setId("banner-" + group.kind().name().toLowerCase(java.util.Locale.ROOT));
        b.getStyleClass().add("completeness-item");
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setDisable(!group.hasPosition());
        b.setOnAction(e -> model.goToFirst(group));
        return b;
    }
}
