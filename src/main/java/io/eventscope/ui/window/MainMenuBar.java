package io.eventscope.ui.window;

import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.fxml.Fxml;
import javafx.beans.property.BooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;

/** File and View menus (MainMenuBar.fxml); items call the window's actions, check items bind. */
public final class MainMenuBar extends MenuBar {
    private final WindowActions actions;
    @FXML
    private CheckMenuItem dark;
    @FXML
    private CheckMenuItem localTime;
    @FXML
    private CheckMenuItem brokerClock;

    public MainMenuBar(WindowActions actions, BooleanProperty darkTheme, TimeDisplay times) {
        this.actions = actions;
        Fxml.load(this);
        dark.selectedProperty().bindBidirectional(darkTheme);
        localTime.setText("Local time (" + times.localZone().getId() + ")");
        localTime.selectedProperty().bindBidirectional(times.localProperty());
    }

    /** View → Broker time: the replay bar's clock toggle as a menu item (the same choice; off without broker times). */
    public MainMenuBar clock(io.eventscope.ui.replay.ClockChoice clock) {
        brokerClock.selectedProperty().bindBidirectional(clock.brokerProperty());
        brokerClock.disableProperty().bind(clock.availableProperty().not());
        return this;
    }

    @FXML
    private void openFile() {
        actions.openFile();
    }

    @FXML
    private void connect() {
        actions.connect();
    }

    @FXML
    private void openBundledSample() {
        actions.openBundledSample();
    }

    @FXML
    private void chooseProjection() {
        actions.chooseProjection();
    }

    @FXML
    private void exportEvidence() {
        actions.exportEvidence();
    }

    @FXML
    private void reconcile() {
        actions.reconcile();
    }

    @FXML
    private void saveCase() {
        actions.saveCase();
    }

    @FXML
    private void openCase() {
        actions.openCase();
    }

    @FXML
    private void copyLink() {
        actions.copyLink();
    }

    @FXML
    private void addBookmark() {
        actions.addBookmark();
    }

    @FXML
    private void quit() {
        actions.quit();
    }

    @FXML
    private void revealMasked() {
        actions.revealMasked();
    }

    @FXML
    private void goTo() {
        actions.goTo();
    }
}
