package io.eventscope.cli.bench;

import io.eventscope.event.Timeline;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayEngine;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * State at random positions in random order through the engine's checkpoints, against a full fold
 * from zero. The first seek to the end builds the checkpoints and is timed separately.
 */
final class SeekBench {
    record Result(double buildMs, double p50Ms, double p99Ms, double maxMs, double fullFoldMs, int checkpoints,
                  long checkpointBytes) {
    }

    static Result run(Timeline timeline, ProjectionSpec spec, int seeks, long seed) throws Exception {
        ReplayEngine engine = new ReplayEngine(timeline, spec);
        int size = timeline.size();
        double build = Stopwatch.bestSeconds(1, () -> engine.stateAt(size)) * 1000;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) { // warm up the seek path
            engine.stateAt(random.nextInt(size + 1));
        }
        double[] ms = new double[seeks];
        for (int i = 0; i < seeks; i++) {
            int position = random.nextInt(size + 1);
            long start = System.nanoTime();
            engine.stateAt(position);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double fullFold = Stopwatch.bestSeconds(3, () -> ReplayEngine.foldFromZero(timeline, spec, size)) * 1000;
        return new Result(build, percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1], fullFold,
                engine.checkpointCount(), engine.checkpointBytes());
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
