package io.eventscope.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Coalesces a stream of requests (slider drags, selection changes) so that at most one computation runs
 * at a time and only the newest waiting request runs next: intermediate requests are dropped, never
 * queued. Used from the FX thread only.
 */
public final class LatestWins<Q, R> {
    private final TaskRunner runner;
    private final Function<Q, R> compute;
    private final Consumer<R> onResult;
    private final Consumer<Throwable> onFailure;
    private boolean running;
    private Q pending;
    private boolean hasPending;

    public LatestWins(TaskRunner runner, Function<Q, R> compute, Consumer<R> onResult, Consumer<Throwable> onFailure) {
        this.runner = runner;
        this.compute = compute;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    public void request(Q query) {
        if (running) {
            pending = query;
            hasPending = true;
            return;
        }
        start(query);
    }

    /** True while a computation runs or waits. */
    public boolean busy() {
        return running || hasPending;
    }

    private void start(Q query) {
        running = true;
        Callable<R> work = () -> compute.apply(query);
        runner.run(work, result -> {
            running = false;
            onResult.accept(result);
            startPending();
        }, error -> {
            running = false;
            onFailure.accept(error);
            startPending();
        });
    }

    private void startPending() {
        if (hasPending && !running) {
            Q next = pending;
            pending = null;
            hasPending = false;
            start(next);
        }
    }
}
