package io.eventscope.ui.task;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** The production {@link Ticker}: an endless JavaFX animation timeline (needs a running FX toolkit). */
public final class FxTicker implements Ticker {
    private final Duration every;
    private Timeline clock;

    public FxTicker(Duration every) {
        this.every = every;
    }

    @Override
    public void start(Runnable tick) {
        stop();
        clock = new Timeline(new KeyFrame(every, e -> tick.run()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
    }

    @Override
    public void stop() {
        if (clock != null) {
            clock.stop();
            clock = null;
        }
    }
}
