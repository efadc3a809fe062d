package io.eventscope.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs every task at once on the calling thread and hands results straight back, so a view model
 * test reads as given-state, act, then assert, with no FX toolkit and no waiting.
 */
public final class CurrentThreadTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onFx(Runnable action) {
        action.run();
    }
}
