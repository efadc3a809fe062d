package io.eventscope.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;

/**
 * Records the longest gap between two FX pulses: while the FX thread is busy, no pulse runs, so the
 * longest gap is the longest stall a user would have felt. Also records how much CPU the FX thread
 * itself burned within the worst gap, which separates our own work from a machine that is simply
 * busy with other processes. FX thread only.
 */
final class PulseMonitor extends AnimationTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long last;
    private long lastCpu;
    private long maxGapNanos;
    private long maxCpuNanos;
    private long pulses;

    @Override
    public void handle(long now) {
        long wall = System.nanoTime(); // wall clock: the pulse timestamp is when the pulse was planned
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (last != 0) {
            maxGapNanos = Math.max(maxGapNanos, wall - last);
            maxCpuNanos = Math.max(maxCpuNanos, cpu - lastCpu);
        }
        last = wall;
        lastCpu = cpu;
        pulses++;
    }

    void reset() {
        last = 0;
        maxGapNanos = 0;
        maxCpuNanos = 0;
        pulses = 0;
    }

    /** Longest wall-clock gap between pulses. */
    long maxGapMillis() {
        return maxGapNanos / 1_000_000;
    }

    /** Most CPU time the FX thread spent between two pulses (its own work, without waiting for a core). */
    long maxBusyMillis() {
        return maxCpuNanos / 1_000_000;
    }

    long pulses() {
        return pulses;
    }
}
