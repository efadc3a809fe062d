package io.eventscope.source;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A source's background work runs on one named daemon thread, so it never keeps the JVM alive on exit. */
public final class DaemonThread {
    private DaemonThread() {
    }

    /** A single-thread executor whose thread is named {@code name} and is a daemon. */
    public static ExecutorService named(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
