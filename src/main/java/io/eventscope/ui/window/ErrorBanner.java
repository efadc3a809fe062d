package io.eventscope.ui.window;

import io.eventscope.ui.fxml.Fxml;
import io.eventscope.ui.session.SessionViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** Shows the session's error sentence under the tool bar while there is one (ErrorBanner.fxml). */
public final class ErrorBanner extends HBox {
    private final SessionViewModel session;
    @FXML
    private Label message;

    public ErrorBanner(SessionViewModel session) {
        this.session = session;
        Fxml.load(this);
        message.textProperty().bind(session.errorProperty());
        visibleProperty().bind(session.errorProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    @FXML
    private void dismiss() {
        session.dismissError();
    }
}
