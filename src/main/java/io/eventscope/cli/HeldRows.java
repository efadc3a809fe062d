package io.eventscope.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output that can be held back: {@code events} streams a file, so it cannot know before printing that no
 * line is a JSON object (then it prints nothing but one sentence). Rows are held until a JSON object is
 * read, in memory up to {@link #CAP} characters and beyond that in a temporary file, so memory stays
 * bounded however long a file's first stretch of bad lines is.
 */
final class HeldRows extends Writer {
    static final int CAP = 1 << 22;
    private final Writer out;
    /** Volatile: a source may ask {@link #holding()} from its reading thread. */
    private volatile boolean holding;
    private StringBuilder held;
    private Path spill;
    private Writer spilled;

    HeldRows(Writer out) {
        this.out = out;
    }

    /** Holds what is written from now on, until {@link #release()} or {@link #discard()}. */
    void hold() {
        if (!holding) {
            held = new StringBuilder();
            holding = true;
        }
    }

    boolean holding() {
        return holding;
    }

    /** Writes what was held and passes what follows straight on. */
    void release() throws IOException {
        if (!holding) {
            return;
        }
        holding = false;
        if (spilled != null) {
            spilled.close();
            try (Reader r = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
                r.transferTo(out);
            }
            discard();
        } else {
            out.append(held);
        }
        held = null;
    }

    /** Forgets what is held (the file was refused, or the read failed). */
    void discard() {
        holding = false;
        held = null;
        if (spill != null) {
            try {
                spilled.close();
                Files.deleteIfExists(spill);
            } catch (IOException e) {
                spill.toFile().deleteOnExit();
            }
            spill = null;
            spilled = null;
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (!holding) {
            out.write(cbuf, off, len);
        } else if (spilled != null) {
            spilled.write(cbuf, off, len);
        } else {
            held.append(cbuf, off, len);
            if (held.length() > CAP) {
                spill();
            }
        }
    }

    private void spill() throws IOException {
        Path file = null;
        Writer w = null;
        try {
            file = Files.createTempFile("eventscope-rows", ".txt");
            file.toFile().deleteOnExit(); // should the run be stopped while holding
            w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            w.append(held);
            spill = file;
            spilled = w;
            held = null;
        } catch (IOException e) {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // the file is deleted next
                }
            }
            if (file != null) {
                file.toFile().delete();
            }
            release(); // no room for a temporary file: print the rows rather than hold them all in memory
        }
    }

    @Override
    public void flush() throws IOException {
        if (!holding) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
