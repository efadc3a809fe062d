package io.eventscope.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Runs a view-model test body on the FX thread, for view models whose animations (the session's poll,
 * a filter's typing pause) need the toolkit. Starts the platform once; no window, no robot. Together
 * with {@link CurrentThreadTaskRunner} the whole test stays synchronous.
 */
public final class FxThread {
    private FxThread() {
    }

    /**
     * Starts the toolkit the way TestFX does (idempotent), so the order of test classes does not matter: a
     * toolkit started by a bare {@code Platform.startup} leaves TestFX's robot without a focused stage, and
     * every later keyboard or mouse flow in the same JVM then fails.
     */
    public static synchronized void start() {
        try {
            org.testfx.api.FxToolkit.registerPrimaryStage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start", e);
        }
        Platform.setImplicitExit(false);
    }

    public static <T> T call(Callable<T> body) {
        start();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }
}
