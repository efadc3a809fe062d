package io.eventscope.ui.evidence;

import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Shows each export's outcome (where, the root, the key's fingerprint, or what went wrong) as a notification. */
public final class EvidenceNotices {
    private EvidenceNotices() {
    }

    public static void install(Node window, EvidenceViewModel model) {
        model.messageProperty().addListener((o, a, message) -> {
            if (message != null && window.getScene() != null && window.getScene().getWindow() != null) {
                Notifications.create().owner(window.getScene().getWindow()).title("Evidence").text(message)
                        .hideAfter(Duration.seconds(20)).showInformation();
            }
        });
    }
}
