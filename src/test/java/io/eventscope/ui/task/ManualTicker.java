package io.eventscope.ui.task;

/** A {@link Ticker} that ticks only when the test says so. */
public final class ManualTicker implements Ticker {
    private Runnable tick;

    @Override
    public void start(Runnable tick) {
        this.tick = tick;
    }

    @Override
    public void stop() {
        tick = null;
    }

    public boolean running() {
        return tick != null;
    }

    public void tick() {
        if (tick != null) {
            tick.run();
        }
    }
}
