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
     * checkpoints by it. 24 bytes keeps a million events over ten thousand entities at one checkpoint
     * per ~12,000 events, so a seek folds ~6,000 events on average (measured with {@code bench}).
     */
    public static final int CHECKPOINT_BYTES_PER_EVENT = 24;

    private MemoryBudget() {
    }

    /**
     * Heap a timeline of {@code events} events holding {@code payloadBytes} of payload will take, counted as the
     * writer's budget check counts it (columns with room to grow, payloads, checkpoints), for deciding before a
     * load whether it can fit; {@code ids}: the projection names event ids, whose repeat check remembers each
     * (about 21 bytes an id). Presized tables are left out, so this errs towards "fits".
     */
    public static long forecastBytes(long columnBytesPerEvent, long events, long payloadBytes, boolean ids) {
        long chunk = ByteArena.chunkSize(); // payloads are held in whole chunks
        return events * (columnBytesPerEvent * 3 / 2 + CHECKPOINT_BYTES_PER_EVENT + (ids ? 21 : 0))
                + (payloadBytes + chunk - 1) / chunk * chunk;
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
