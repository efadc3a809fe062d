package io.eventscope.ui.audit;

import io.eventscope.audit.FindingGroup;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/**
 * The findings summary for the status bar: a menu button whose text is the summary and whose items are
 * the groups of findings; choosing one moves the replay to its first position. Binds only.
 */
public final class FindingsView extends MenuButton {
    /** {@code .findings:clean} in CSS: nothing was found. */
    private static final PseudoClass CLEAN = PseudoClass.getPseudoClass("clean");

    public FindingsView(FindingsViewModel model) {
        setId("findings");
        getStyleClass().add("findings");
        textProperty().bind(model.summaryProperty());
        visibleProperty().bind(model.summaryProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        disableProperty().bind(Bindings.isEmpty(model.groups()));
        model.cleanProperty().addListener((obs, was, clean) -> pseudoClassStateChanged(CLEAN, clean));
        model.groups().addListener((ListChangeListener<FindingGroup>) change -> getItems().setAll(
                model.groups().stream().map(group -> item(model, group)).toList()));
    }

    private static MenuItem item(FindingsViewModel model, FindingGroup group) {
        MenuItem item = new MenuItem(model.describe(group));
        item.setDisable(!group.hasPosition());
        item.setOnAction(e -> model.goToFirst(group));
        return item;
    }
}
