package io.eventscope.cli.bench;

/** Times a piece of work several times and keeps the best run (least disturbed by the machine). */
final class Stopwatch {
    private Stopwatch() {
    }

    /** Work that may throw. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** Untimed rounds of each workload before {@link #alternating} times them. */
    static final int WARM_UP = 2;

    /**
     * Best seconds of {@code ours} and of {@code theirs} ({@code [ours, theirs]}), runs alternating so both see
     * the same machine, after {@link #WARM_UP} untimed rounds of each: both are then timed compiled (the JIT
     * compiles a loader's many methods several runs later than a bare parse's one loop, which a best of three
     * from a cold start measured as a lower ratio).
     */
    static double[] alternating(int runs, Work ours, Work theirs) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            theirs.run();
            ours.run();
        }
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int r = 0; r < runs; r++) {
            best[1] = Math.min(best[1], bestSeconds(1, theirs));
            best[0] = Math.min(best[0], bestSeconds(1, ours));
        }
        return best;
    }

    static double bestSeconds(int runs, Work work) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e9;
    }
}
