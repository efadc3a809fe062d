package io.eventscope.source.file;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.TimelineWriter;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.source.SourceSize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A JSON Lines file: one event per line, every line a position (blank and malformed lines included,
 * flagged). Lines are split in a large buffer and handed to the timeline without intermediate strings.
 */
public final class JsonLinesSource implements EventSource {
    private static final int BUFFER = 1 << 20;
    /** How much of a file its size estimate reads: enough lines for a steady bytes-per-line. */
    static final int SAMPLE = 1 << 20;
    private static final String BUNDLED_SAMPLE = "/io/eventscope/assets/samples/bank-demo.jsonl";

    private final String displayName;
    private final String defaultEntity;
    private final long totalBytes;
    private final StreamOpener opener;

    /** Opens an input stream afresh for each load. */
    @FunctionalInterface
    interface StreamOpener {
        InputStream open() throws IOException;
    }

    private JsonLinesSource(String displayName, String defaultEntity, long totalBytes, StreamOpener opener) {
        this.displayName = displayName;
        this.defaultEntity = defaultEntity;
        this.totalBytes = totalBytes;
        this.opener = opener;
    }

    public static JsonLinesSource open(Path file) throws SourceException {
        if (Files.isDirectory(file)) {
            throw new SourceException(file + " is a folder; name a .jsonl file inside it.");
        }
        if (!Files.exists(file)) {
            throw new SourceException("The file " + file + " does not exist; check the path.");
        }
        if (!Files.isReadable(file)) {
            throw new SourceException("The file " + file + " cannot be read; check its permissions.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new SourceException("The file " + file + " cannot be read (" + e.getMessage() + ").");
        }
        return new JsonLinesSource(file.toString(), baseName(file.getFileName().toString()), size,
                () -> Files.newInputStream(file));
    }

    /** The demo log bundled inside the application (what the viewer opens when given nothing). */
    public static JsonLinesSource bundledSample() {
        return new JsonLinesSource("bundled sample (bank-demo.jsonl)", "bank-demo", -1, () -> {
            InputStream in = JsonLinesSource.class.getResourceAsStream(BUNDLED_SAMPLE);
            if (in == null) {
                throw new NoSuchFileException(BUNDLED_SAMPLE);
            }
            return in;
        });
    }

    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String defaultEntity() {
        return defaultEntity;
    }

    @Override
    public CoordinateKind coordinateKind() {
        return CoordinateKind.LINE;
    }

    @Override
    public void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled)
            throws SourceException {
        if (!window.isAll()) {
            throw new SourceException("Loading a window (--from-position, --since, --last) is only supported for "
                    + "stations and streams; a file is always read whole.");
        }
        long started = System.nanoTime();
        try (InputStream in = opener.open()) {
            LineSplitter splitter = new LineSplitter(writer::appendLines, BUFFER);
            long read = 0;
            long lastReport = started;
            int n;
            while ((n = splitter.readFrom(in)) >= 0) {
                read += n;
                if (totalBytes > read && writer.appended() > 0) {
                    // Size the columns from the bytes per line so far, not by repeated growth.
                    writer.expect(totalBytes * writer.appended() / read * 103 / 100 + 16);
                }
                long now = System.nanoTime();
                if (now - lastReport > 200_000_000L) {
                    lastReport = now;
                    report(progress, writer, read, started, now);
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                }
            }
            report(progress, writer, read, started, System.nanoTime());
        } catch (NoSuchFileException e) {
            throw new SourceException("The file " + displayName + " no longer exists; check the path.");
        } catch (AccessDeniedException e) {
            throw new SourceException("The file " + displayName + " cannot be read; check its permissions.");
        } catch (IOException e) {
            throw new SourceException("Reading " + displayName + " failed (" + e.getMessage()
                    + "); the events read so far are kept.", e);
        } finally {
            writer.awaitDecoded(); // whatever ended the load, every line read so far becomes visible
        }
    }

    /** Every line is a position: counted with the same splitter the load reads with. */
    @Override
    public long positionCount() throws SourceException {
        long[] lines = {0};
        try (InputStream in = opener.open()) {
            LineSplitter splitter = new LineSplitter((buf, starts, ends, count) -> lines[0] += count, BUFFER);
            while (splitter.readFrom(in) >= 0) {
                // counting happens in the callback
            }
            return lines[0];
        } catch (IOException e) {
            throw new SourceException("Reading " + displayName + " failed (" + e.getMessage() + ").", e);
        }
    }

    /**
     * The file's size, and its lines estimated from those in its first {@link #SAMPLE} bytes (counted
     * exactly when the file is no larger); null for the bundled sample, whose size is not known.
     */
    @Override
    public SourceSize sizeUpFront() throws SourceException {
        if (totalBytes < 0) {
            return null;
        }
        long[] lines = {0};
        long read = 0;
        try (InputStream in = opener.open()) {
            LineSplitter splitter = new LineSplitter((buf, starts, ends, count) -> lines[0] += count, BUFFER);
            int n;
            while (read < SAMPLE && (n = splitter.readFrom(in)) >= 0) {
                read += n;
            }
            boolean whole = read >= totalBytes;
            if (whole) {
                while (splitter.readFrom(in) >= 0) {
                    // the last line, if it had no terminator
                }
            }
            long positions = whole || read == 0 ? lines[0] : Math.max(1, lines[0]) * totalBytes / read;
            return new SourceSize(positions, Math.max(0, totalBytes - positions), !whole); // the payloads, not their line ends
        } catch (IOException e) {
            throw new SourceException("Reading " + displayName + " failed (" + e.getMessage() + ").", e);
        }
    }

    private void report(LoadProgress progress, TimelineWriter writer, long read, long started, long now) {
        int loaded = writer.appended();
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        progress.update(new LoadStatus(loaded, -1, totalBytes > 0 ? (double) read / totalBytes : -1,
                loaded / seconds));
    }
}
