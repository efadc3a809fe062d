package io.eventscope.ui.replay;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The replay bar's clock switch: it names the clock in use ("Event time" / "Broker time") and flips it.
 * Disabled, with a tooltip saying why, for a source without broker times. Binds only.
 */
final class ClockToggle {
    private static final String ON_EVENT = "Times on the payload's event time: click for the broker's append time";
    private static final String ON_BROKER = "Times on the broker's append time: click for the payload's event time";

    private ClockToggle() {
    }

    static Node of(ClockChoice clock) {
        ToggleButton toggle = new ToggleButton();
        toggle.setId("replayClock");
        toggle.setFocusTraversable(false);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.selectedProperty().bindBidirectional(clock.brokerProperty());
        toggle.textProperty().bind(Bindings.when(clock.onBrokerProperty()).then("Broker time").otherwise("Event time"));
        toggle.disableProperty().bind(clock.availableProperty().not());
        // A disabled control shows no tooltip of its own: the holder around it carries the tip.
        StackPane holder = new StackPane(toggle);
        holder.setId("replayClockHolder");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.when(clock.availableProperty().not()).then(ClockChoice.NO_BROKER_TIME)
                .otherwise(Bindings.when(clock.onBrokerProperty()).then(ON_BROKER).otherwise(ON_EVENT)));
        Tooltip.install(holder, tip);
        return holder;
    }
}
