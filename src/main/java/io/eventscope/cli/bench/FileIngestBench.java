package io.eventscope.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.SourceException;
import io.eventscope.source.file.JsonLinesSource;
import io.eventscope.source.file.LineSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our JSON Lines load (decoded, indexed timeline) against a bare Jackson streaming parse of the same
 * file: every token, nothing kept, read and split the same way (1 MiB buffers, one parser per run of
 * lines) so that the ratio measures what decoding and indexing cost.
 */
final class FileIngestBench {
    private final Path file;
    private final ProjectionSpec spec;
    private final int runs;

    FileIngestBench(Path file, ProjectionSpec spec, int runs) {
        this.file = file;
        this.spec = spec;
        this.runs = runs;
    }

    Timeline loadOnce() throws SourceException {
        try (LoadedSource loaded = TimelineLoad.under(spec).open(JsonLinesSource.open(file))) {
            return loaded.timeline();
        }
    }

    /** Best events per second of ours and of the bare parse ({@link Stopwatch#alternating}). */
    record Rates(double ours, double jackson) {
    }

    Rates rates(long events) throws Exception {
        JsonFactory json = new JsonFactory();
        long[] tokens = new long[1];
        double[] best = Stopwatch.alternating(runs, this::loadOnce, () -> tokens[0] = bareParse(json));
        if (tokens[0] == 0 && events > 0) {
            throw new IllegalStateException("the baseline parsed nothing");
        }
        return new Rates(events / best[0], events / best[1]);
    }

    /** Best seconds of our load of this file and of {@code other}'s ({@link Stopwatch#alternating}): {@code [this, other]}. */
    double[] bestSecondsAgainst(FileIngestBench other) throws Exception {
        return Stopwatch.alternating(runs, this::loadOnce, other::loadOnce);
    }

    /**
     * Reads the file exactly as our loader does (same 1 MiB buffers and line splitter, one parser per
     * run of lines, restarted after a malformed line) but only walks the tokens.
     */
    private long bareParse(JsonFactory json) throws IOException {
        long[] tokens = new long[1];
        LineSplitter splitter = new LineSplitter((buf, starts, ends, count) ->
                tokens[0] += parseRun(json, buf, starts, count, ends[count - 1]), 1 << 20);
        try (InputStream in = Files.newInputStream(file)) {
            while (splitter.readFrom(in) >= 0) {
                // every buffer's lines are parsed as it is read
            }
        }
        return tokens[0];
    }

    /** Walks the tokens of lines starting at {@code starts[0..count)} and ending before {@code end}. */
    private static long parseRun(JsonFactory json, byte[] buf, int[] starts, int count, int end) {
        long tokens = 0;
        int k = 0;
        while (k < count) {
            int base = starts[k];
            try (JsonParser p = json.createParser(buf, base, end - base)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    tokens += t.id();
                }
                k = count;
            } catch (IOException malformed) {
                // Restart after the line where the parser failed.
                long failedAt = base + failureOffset(malformed);
                int line = java.util.Arrays.binarySearch(starts, k, count, (int) failedAt);
                k = Math.max(k + 1, line >= 0 ? line + 1 : -line - 1);
                tokens++;
            }
        }
        return tokens;
    }

    private static long failureOffset(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            return Math.max(0, jpe.getLocation().getByteOffset());
        }
        return 0;
    }
}
