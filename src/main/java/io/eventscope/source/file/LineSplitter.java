package io.eventscope.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads a byte stream buffer by buffer and splits it into lines on '\n' (dropping a '\r' before it).
 * The whole lines of each buffer go out as one batch. A line cut by the buffer's end is moved to the
 * front of the other buffer and completed by the next read, so every line is delivered inside one
 * batch. A delivered batch's bytes stay untouched until the next batch has been delivered, so a
 * consumer may go on decoding one batch while the next buffer is read, as long as it is done with it
 * when it returns from the next. Shared by the JSON Lines loader and the bench's
 * bare-parse baseline, so both read files the same way.
 */
public final class LineSplitter {
    /** Receives lines: line k spans {@code buf[starts[k], ends[k])}, terminators excluded. */
    @FunctionalInterface
    public interface Lines {
        void batch(byte[] buf, int[] starts, int[] ends, int count);
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private final Lines lines;
    private final byte[][] buffers;
    private int current;
    private int carried;
    private int[] starts = new int[8192];
    private int[] ends = new int[8192];

    public LineSplitter(Lines lines, int bufferSize) {
        this.lines = lines;
        this.buffers = new byte[][] {new byte[bufferSize], new byte[bufferSize]};
    }

    /**
     * Reads once from {@code in} and delivers the whole lines read so far. Returns the bytes read, or -1
     * at the end of the stream, after delivering a last line that had no terminator.
     */
    public int readFrom(InputStream in) throws IOException {
        byte[] buf = buffers[current];
        if (carried == buf.length) { // a line longer than the buffer: make room for the rest of it
            buf = buffers[current] = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, carried, buf.length - carried);
        if (n < 0) {
            if (carried > 0) {
                starts[0] = 0;
                ends[0] = withoutCr(buf, 0, carried);
                carried = 0;
                lines.batch(buf, starts, ends, 1);
            }
            return -1;
        }
        int length = carried + n;
        int start = split(buf, carried, length);
        moveRest(buf, start, length);
        return n;
    }

    /** Delivers the lines of {@code buf[0, length)} ending at or after {@code from}; returns where the cut line starts. */
    private int split(byte[] buf, int from, int length) {
        int start = 0;
        int count = 0;
        for (int i = newline(buf, from, length); i >= 0; i = newline(buf, i + 1, length)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = start + withoutCr(buf, start, i - start);
            count++;
            start = i + 1;
        }
        if (count > 0) {
            lines.batch(buf, starts, ends, count);
        }
        return start;
    }

    /**
     * The first '\n' in {@code buf[from, length)}, or -1: eight bytes per step (a byte per step was the loading
     * thread's largest cost). A word's lowest byte flagged by the zero-byte test is its first '\n'; flags above
     * a true one may be false, and are never looked at.
     */
    static int newline(byte[] buf, int from, int length) {
        int i = from;
        for (; i + 8 <= length; i += 8) {
            long w = (long) WORDS.get(buf, i) ^ NEWLINES;
            long zero = (w - 0x0101010101010101L) & ~w & 0x8080808080808080L;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < length; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the cut line to the front of the other buffer; the next read goes there. */
    private void moveRest(byte[] buf, int start, int length) {
        int rest = length - start;
        if (start == 0) {
            carried = rest; // no line ended here: keep filling this buffer
            return;
        }
        int other = 1 - current;
        if (buffers[other].length < rest) {
            buffers[other] = new byte[Math.max(rest, buffers[other].length * 2)];
        }
        System.arraycopy(buf, start, buffers[other], 0, rest);
        carried = rest;
        current = other;
    }

    private static int withoutCr(byte[] buf, int offset, int length) {
        return length > 0 && buf[offset + length - 1] == '\r' ? length - 1 : length;
    }
}
