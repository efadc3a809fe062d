package io.eventscope.audit.evidence;

import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayState;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A pack's events.jsonl written as its source is read, so that export reads the source once: each
 * position's line is rendered ({@link EventLines}), written and hashed ({@link LineSink}), the cited lines
 * are kept and the chart's points spooled ({@link ChartSpool}) until the cut is known; {@link #finish}
 * then cuts the file and the tree back to the cut. A loaded timeline goes through the same pass in one
 * burst. Memory: two line batches, the cited lines and proof hashes, an id per entity.
 *
 * <p>Closing it without {@link #keep()} (a failed read or export) removes what the pack folder got.
 */
public final class PackEvents implements StreamingLoad.BurstReader, AutoCloseable {
    private final PackFolder folder;
    private final Masks masks;
    private final int reach;
    private final boolean byTime;
    private final long atNanos;
    private final Set<Integer> cited;
    private final Map<Integer, String> citedLines = new HashMap<>();
    private final InclusionProofs proofs;
    private final OutputStream out;
    private final LineSink sink;
    private final ChartSpool chart;
    private EventLines lines;
    private boolean finished;
    private boolean kept;
    private boolean closed;

    private PackEvents(PackFolder folder, List<Integer> cited, Masks masks, int reach, Instant at) throws IOException {
        this.folder = folder;
        this.masks = masks;
        this.reach = reach;
        this.byTime = at != null;
        this.atNanos = at == null ? EventTimes.NONE : EventTimes.toNanos(at);
        this.cited = new HashSet<>(cited);
        this.proofs = new InclusionProofs(cited.stream().map(p -> p - 1L).distinct().toList());
        this.out = new BufferedOutputStream(Files.newOutputStream(folder.dir.resolve("events.jsonl")), 1 << 16);
        this.sink = new LineSink(out, new MerkleTree.Builder(cited.isEmpty() ? null : proofs));
        this.chart = new ChartSpool(folder.dir);
    }

    /**
     * Starts a pack in {@code dir} (created if needed; it must be empty) whose events are the positions read
     * up to a cut: at most {@code reach} positions, and with {@code at}, up to the last one whose time is at
     * or before it (known only at the end). Pass it to the read as a burst reader.
     *
     * @throws IllegalArgumentException with one sentence when the folder is not empty or too many are cited
     */
    public static PackEvents into(Path dir, List<Integer> cited, Masks masks, int reach, Instant at) throws IOException {
        PackWriter.checkCount(cited);
        PackFolder folder = PackFolder.prepare(dir);
        try {
            return new PackEvents(folder, cited, masks, reach, at);
        } catch (IOException | RuntimeException e) {
            folder.discard();
            throw e;
        }
    }

    /** The events of a source read to its end: everything up to a position, or up to an instant. */
    public static PackEvents upTo(Path dir, List<Integer> cited, Masks masks, Long position, Instant at)
            throws IOException {
        int reach = at != null || position == null ? Integer.MAX_VALUE : (int) Math.max(0, Math.min(position, Integer.MAX_VALUE));
        return into(dir, cited, masks, reach, at);
    }

    @Override
    public Consumer<Timeline> start(Timeline timeline, ProjectionSpec spec) {
        EventLines l = new EventLines(timeline, spec, masks);
        lines = l;
        boolean primary = spec.primaryField() != null; // the first of the changes' fields
        return t -> {
            int base = t.discarded();
            int end = (int) Math.min(reach, (long) base + t.size());
            try {
                for (int p = l.position() + 1; p <= end; p++) {
                    byte[] line = l.next();
                    int length = l.length();
                    sink.add(line, length, !byTime || t.effectiveTimeAt(p - 1 - base) <= atNanos);
                    if (cited.contains(p)) {
                        citedLines.put(p, new String(line, 0, length, StandardCharsets.UTF_8));
                    }
                    if (primary && l.applied()) {
                        chart.record(l.entity(), p, (BigDecimal) l.after(0));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * Ends the pass once the read is over: writes what is left and cuts events.jsonl back to the cut.
     *
     * @throws IllegalStateException when the lines do not end at the cut the fold found (a bug, not the source)
     */
    void finish(int cut) throws IOException {
        if (finished) {
            throw new IllegalStateException("the pack's events are finished already");
        }
        finished = true;
        try {
            sink.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.close();
        if (sink.linesAtCut() != cut) {
            throw new IllegalStateException("events.jsonl holds " + sink.linesAtCut() + " lines for a cut at " + cut);
        }
        try (FileChannel file = FileChannel.open(folder.dir.resolve("events.jsonl"), StandardOpenOption.WRITE)) {
            file.truncate(sink.bytesAtCut()); // the lines a time cut read past
        }
    }

    /** @throws IllegalStateException when a pack asks for other events than were written (a caller's mistake) */
    void checkSame(Path dir, List<Integer> cited, Masks masks) {
        if (!dir.equals(folder.dir) || !this.cited.equals(new HashSet<>(cited)) || masks != this.masks) {
            throw new IllegalStateException("the events were written into " + folder.dir + " citing " + this.cited
                    + " (with their own masks), not into " + dir + " citing " + cited);
        }
    }

    Path dir() {
        return folder.dir;
    }

    Masks masks() {
        return masks;
    }

    /** After {@link #finish}: the Merkle root of events.jsonl. */
    byte[] root() {
        return sink.treeAtCut().root();
    }

    /** After {@link #finish}: the inclusion proof of 1-based {@code position}, one of those cited. */
    List<byte[]> proof(int position) {
        return proofs.proof(position - 1L, sink.treeAtCut());
    }

    String citedLine(int position) {
        return citedLines.get(position);
    }

    /** After {@link #finish}: the report chart's series at the cut. */
    BusiestSeries chart(ReplayState state, int cut) throws IOException {
        return chart.series(state, cut);
    }

    /** The pack is complete: closing keeps it. */
    void keep() {
        kept = true;
    }

    /** Deletes the temporary file, and, unless the pack was kept, what the folder got. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        sink.close();
        try {
            out.close();
        } finally {
            try {
                chart.close();
            } finally {
                if (!kept) {
                    folder.discard();
                }
            }
        }
    }
}
