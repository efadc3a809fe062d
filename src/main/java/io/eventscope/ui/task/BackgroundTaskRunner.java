package io.eventscope.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The production runner: a small pool of daemon threads; results return through {@code Platform.runLater}. */
public final class BackgroundTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService pool;

    public BackgroundTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("eventscope-worker-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive after the window closes
            t.setPriority(Thread.NORM_PRIORITY - 1); // leave the FX thread the upper hand
            return t;
        };
        pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (pool.isShutdown()) {
            return; // the window is closing; nothing is waiting for this any more
        }
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
