package io.eventscope.source.file;

import java.util.Arrays;

/**
 * Splits a byte stream into lines on '\n' (dropping a '\r' before it). The whole lines of each buffer
 * go out as one batch; a line cut by the buffer's end is carried into the next read and goes out alone.
 * Shared by the JSON Lines loader and the bench's bare-parse baseline, so both read files the same way.
 */
public final class LineSplitter {
    /** Receives lines: line k spans {@code buf[starts[k], ends[k])}, terminators excluded. */
    @FunctionalInterface
    public interface Lines {
        void batch(byte[] buf, int[] starts, int[] ends, int count);
    }

    private final Lines lines;
    private byte[] carry = new byte[8192];
    private int carried;
    private int[] starts = new int[8192];
    private int[] ends = new int[8192];
    private final int[] carryStart = {0};
    private final int[] carryEnd = new int[1];

    public LineSplitter(Lines lines) {
        this.lines = lines;
    }

    /** Splits the first {@code length} bytes of {@code buf}; the batch is delivered before returning. */
    public void feed(byte[] buf, int length) {
        int start = 0;
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (buf[i] == '\n') {
                if (carried > 0) {
                    append(buf, start, i - start);
                    emitCarry();
                } else {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    starts[count] = start;
                    ends[count] = start + withoutCr(buf, start, i - start);
                    count++;
                }
                start = i + 1;
            }
        }
        if (count > 0) {
            lines.batch(buf, starts, ends, count);
        }
        append(buf, start, length - start);
    }

    /** Delivers a last line that had no terminator. */
    public void finish() {
        if (carried > 0) {
            emitCarry();
        }
    }

    private void emitCarry() {
        carryEnd[0] = withoutCr(carry, 0, carried);
        lines.batch(carry, carryStart, carryEnd, 1);
        carried = 0;
    }

    private void append(byte[] buf, int offset, int length) {
        if (carried + length > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + length));
        }
        System.arraycopy(buf, offset, carry, carried, length);
        carried += length;
    }

    private static int withoutCr(byte[] buf, int offset, int length) {
        return length > 0 && buf[offset + length - 1] == '\r' ? length - 1 : length;
    }
}
