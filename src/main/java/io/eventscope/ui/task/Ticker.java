package io.eventscope.ui.task;

/**
 * A clock that calls back on the FX thread at a steady pace (e.g. to publish a growing size a few times
 * a second). Injected so that view models can be built and tested without a running FX toolkit.
 */
public interface Ticker {
    /** Calls {@code tick} on the FX thread at this ticker's pace until {@link #stop()}. */
    void start(Runnable tick);

    void stop();
}
