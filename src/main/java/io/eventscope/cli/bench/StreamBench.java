package io.eventscope.cli.bench;

import io.eventscope.demo.DemoLog;
import io.eventscope.event.Timeline;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.RunningFold;
import io.eventscope.source.file.JsonLinesSource;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The streaming state fold ({@code state} on a file): the live heap it holds (after full collections,
 * sampled half way and at the end of the fold, less what was live before it) on its own generated log,
 * and its speed against a timeline load of the same file ({@link Stopwatch#alternating}).
 */
final class StreamBench {
    /** Events of the log the memory figure is published for. */
    static final int EVENTS = 2_000_000;

    record Result(double heapMb, int events, double streamEventsPerS, double loadEventsPerS) {
    }

    static Result run(Path dir, int entities, ProjectionSpec spec, int runs) throws Exception {
        Path file = dir.resolve("bench-stream.jsonl");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new DemoLog(EVENTS, entities, 1).write(w);
            }
            long before = HeapMeter.usedAfterGc();
            long[] peak = new long[1];
            fold(file, spec, timeline -> {
                int folded = timeline.discarded() + timeline.size();
                boolean halfWay = folded >= EVENTS / 2 && timeline.discarded() < EVENTS / 2;
                if (halfWay || folded >= EVENTS) {
                    peak[0] = Math.max(peak[0], usedAfterGc() - before);
                }
            });
            FileIngestBench load = new FileIngestBench(file, spec, 1);
            double[] best = Stopwatch.alternating(runs, () -> fold(file, spec, null), load::loadOnce);
            return new Result(peak[0] / (1024.0 * 1024.0), EVENTS, EVENTS / best[0], EVENTS / best[1]);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * What {@code state FILE} does: a streaming read folded to the end. {@code sample} (null: none) sees each
     * burst after its fold; without one the fold also catches up while batches decode, as {@code state}'s does.
     */
    private static void fold(Path file, ProjectionSpec spec, java.util.function.Consumer<Timeline> sample)
            throws Exception {
        try (JsonLinesSource source = JsonLinesSource.open(file)) {
            StreamingLoad.Streamed s = StreamingLoad.under(spec).payloadsUnread().read(source, (timeline, projection) -> {
                RunningFold fold = RunningFold.toEnd(timeline, projection);
                return sample == null ? fold : held -> {
                    fold.foldHeld();
                    sample.accept(held);
                };
            });
            if (s.positions() != EVENTS) {
                throw new IllegalStateException("the streaming fold read " + s.positions() + " events");
            }
        }
    }

    private static long usedAfterGc() {
        try {
            return HeapMeter.usedAfterGc();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
