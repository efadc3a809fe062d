package io.eventscope.ui.window;

import io.eventscope.ui.session.SessionViewModel;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * A notification when the live tail stops on its own (broker gone, stream deleted): the banner says
 * why, but a user watching the table may not look up. Stopping it by hand or opening another source
 * raises no alert.
 */
public final class LiveAlerts {
    private LiveAlerts() {
    }

    public static void install(Node window, SessionViewModel session, ObservableBooleanValue dark) {
        session.liveProperty().addListener((o, was, live) -> {
            if (was && !live) {
                // The failure sets the error right after ending live: look once both have happened.
                Platform.runLater(() -> {
                    String why = session.errorProperty().get();
                    if (why != null && window.getScene() != null && window.getScene().getWindow() != null) {
                        Notifications alert = Notifications.create().owner(window.getScene().getWindow())
                                .title("Live tail stopped").text(why).hideAfter(Duration.seconds(8));
                        if (dark.get()) {
                            alert.darkStyle();
                        }
                        alert.showWarning();
                    }
                });
            }
        });
    }
}
