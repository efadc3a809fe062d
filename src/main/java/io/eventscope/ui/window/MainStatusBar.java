package io.eventscope.ui.window;

import io.eventscope.ui.audit.FindingsView;
import io.eventscope.ui.audit.FindingsViewModel;
import io.eventscope.ui.session.SessionViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/**
 * The status line: what is loaded (or, while loading, how far and how fast), the load's progress, and
 * Cancel / Stop live while they apply, and the audit findings (a menu that jumps to the first of each). The progress bar shows only while a load runs: StatusBar hides
 * it at progress 0.
 */
public final class MainStatusBar extends StatusBar {
    public MainStatusBar(SessionViewModel session, FindingsViewModel findings) {
        setId("statusBar");
        getStyleClass().add("status-bar");
        textProperty().bind(Bindings.when(session.loadingProperty().and(session.progressTextProperty().isNotEmpty()))
                .then(session.progressTextProperty()).otherwise(session.statusProperty()));
        progressProperty().bind(Bindings.when(session.loadingProperty()).then(session.progressProperty())
                .otherwise(0.0));

        Button cancel = new Button("Cancel");
        cancel.setId("cancelLoad");
        cancel.setOnAction(e -> session.cancelLoad());
        cancel.visibleProperty().bind(session.loadingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button stopLive = new Button("Stop live");
        stopLive.setId("stopLive");
        stopLive.setOnAction(e -> session.stopLive());
        stopLive.visibleProperty().bind(session.liveProperty());
        stopLive.managedProperty().bind(stopLive.visibleProperty());
        Label projection = new Label();
        projection.setId("projectionName");
        projection.textProperty().bind(Bindings.createStringBinding(() -> session.spec() == null ? ""
                : "Projection: " + session.spec().name(), session.specProperty()));
        projection.setPadding(new javafx.geometry.Insets(0, 12, 0, 0));
        projection.setMaxHeight(Double.MAX_VALUE); // centred beside the taller findings button
        getRightItems().addAll(projection, new FindingsView(findings), cancel, stopLive);
    }
}
