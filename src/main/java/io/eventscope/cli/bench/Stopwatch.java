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
