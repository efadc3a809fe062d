package io.eventscope.event;

import java.util.Locale;

/**
 * How much heap a timeline may take (payloads, columns, and room for replay checkpoints) before a load
 * stops cleanly instead of running out of memory.
 */
public final class MemoryBudget {
    /** Share of the maximum heap a timeline may use by default; the rest is for the viewer and replay. */
    public static final double DEFAULT_SHARE = 0.6;
    /**
     * Heap per event of timeline that replay checkpoints may take; the replay engine spaces its
     * checkpoints by it. 20 bytes keeps a million events over ten thousand entities at one checkpoint
     * per ~15,000 events, so a seek folds ~7,000 events on average.
     */
    public static final int CHECKPOINT_BYTES_PER_EVENT = 20;

    private MemoryBudget() {
    }

    public static long defaultBytes() {
        return (long) (Runtime.getRuntime().maxMemory() * DEFAULT_SHARE);
    }

    /**
     * Parses sizes like {@code 512m}, {@code 2g}, {@code 800000k} or plain bytes.
     *
     * @throws IllegalArgumentException with a one-sentence message when unreadable
     */
    public static long parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("g") || t.endsWith("gb") || t.endsWith("gib")) {
            unit = 1L << 30;
        } else if (t.endsWith("m") || t.endsWith("mb") || t.endsWith("mib")) {
            unit = 1L << 20;
        } else if (t.endsWith("k") || t.endsWith("kb") || t.endsWith("kib")) {
            unit = 1L << 10;
        }
        String digits = t.replaceAll("[a-z]+$", "");
        try {
            long value = Long.parseLong(digits);
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(value, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a memory size; use e.g. 512m or 2g");
        }
    }
}
