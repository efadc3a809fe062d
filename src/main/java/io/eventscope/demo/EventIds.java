package io.eventscope.demo;

import java.util.function.LongSupplier;

/**
 * The demo's event ids: random 40-bit values, each drawn again when it repeats an earlier one, so a demo
 * log never holds the same id twice (a repeat would rightly be flagged as a duplicate). Remembers the ids
 * in an open-addressing table of about 16 bytes per event.
 */
final class EventIds {
    private static final long MASK = 0xFFFFFFFFFFL;
    private final LongSupplier draws;
    /** Id + 1 per used slot (0 marks a free one). */
    private long[] slots = new long[1 << 10];
    private int size;

    /** @param draws random 64-bit values (the log's own generator, so a seed gives the same ids) */
    EventIds(LongSupplier draws) {
        this.draws = draws;
    }

    /** The next id as text, e.g. {@code e-3fa9c01b2d}. */
    String next() {
        long id = draws.getAsLong() & MASK;
        while (!add(id)) {
            id = draws.getAsLong() & MASK;
        }
        return "e-" + Long.toHexString(id);
    }

    private boolean add(long id) {
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            if (slots[i] == 0) {
                slots[i] = id + 1;
                size++;
                return true;
            }
            if (slots[i] == id + 1) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long v : old) {
            if (v != 0) {
                int i = slot(v - 1, mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
            }
        }
    }

    private static int slot(long id, int mask) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}
