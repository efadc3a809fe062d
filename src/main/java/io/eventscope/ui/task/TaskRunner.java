package io.eventscope.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the FX thread and hands the result back on it. Injected into view models so
 * that production uses a background pool and tests can substitute their own.
 */
public interface TaskRunner {
    /**
     * Runs {@code work}; then {@code onSuccess} or {@code onFailure} on the FX thread.
     */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code work} in the background without a result (e.g. a long load that reports by itself). */
    default void run(Runnable work, Consumer<Throwable> onFailure) {
        run(() -> {
            work.run();
            return null;
        }, ignored -> { }, onFailure);
    }

    /** Hands {@code action} to the FX thread (or runs it at once where the runner is synchronous). */
    void onFx(Runnable action);
}
