package io.eventscope.source.jetstream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Remembers message ids (as 64-bit hashes) and the position where each was first seen, in one primitive
 * array: a million ids cost 32 MB instead of ~100 MB for a set of strings. Two distinct ids share a hash with
 * probability ~n²/2⁶⁵ (about 3·10⁻⁸ for a million), which is acceptable for flagging repeats.
 *
 * <p>A million-entry table is far bigger than the caches, so each new id costs a memory access: the hash
 * and its position share a slot (one access, not two), and the table can be sized up front rather than
 * rehashed ten times on the way to a million.
 */
final class IdPositions {
    private static final long EMPTY = 0;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Presizing stops here (about a million ids, 32 MB); beyond it the table grows as ids arrive. */
    private static final int MAX_RESERVED = 1 << 20;
    private long[] table = new long[2 << 12]; // slot s: hash at 2s, position at 2s+1
    private int size;
    private int expected;

    /** A hint: about {@code ids} ids will come. Applied when the first id arrives, so id-less streams cost nothing. */
    void expect(long ids) {
        expected = (int) Math.min(Math.max(ids, 0), MAX_RESERVED);
    }

    /** Records the id {@code b[from, to)} (its UTF-8 bytes) at {@code position}; returns the earlier position if the id was seen, else 0. */
    int putIfAbsent(byte[] b, int from, int to, int position) {
        if (size == 0 && expected > 0) {
            table = new long[2 * slotsFor(expected)];
            expected = 0;
        }
        long key = hash(b, from, to);
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        int slot = (int) (mix(key) & mask);
        while (t[2 * slot] != EMPTY) {
            if (t[2 * slot] == key) {
                return (int) t[2 * slot + 1];
            }
            slot = (slot + 1) & mask;
        }
        t[2 * slot] = key;
        t[2 * slot + 1] = position;
        if (++size * 10 > (t.length >> 1) * 7) { // linear probing stays short up to ~70% full
            grow();
        }
        return 0;
    }

    /** The smallest power of two that holds {@code n} ids at most 70% full. */
    static int slotsFor(int n) {
        int slots = 1 << 12;
        while ((long) n * 10 > (long) slots * 7) {
            slots <<= 1;
        }
        return slots;
    }

    private void grow() {
        long[] old = table;
        long[] t = new long[old.length * 2];
        int mask = (t.length >> 1) - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int slot = (int) (mix(old[i]) & mask);
                while (t[2 * slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                t[2 * slot] = old[i];
                t[2 * slot + 1] = old[i + 1];
            }
        }
        table = t;
    }

    /**
     * A 64-bit hash of {@code b[from, to)}, eight bytes per step (ids are tens of bytes; a step per
     * character was a visible share of a station load). Each step is a bijection of the word, so ids of
     * equal length differing in one word never collide.
     */
    static long hash(byte[] b, int from, int to) {
        long h = 0x9E3779B97F4A7C15L;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h ^ ((long) LONGS.get(b, i) * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B185EBCA87L;
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (b[i] & 0xFFL) << shift;
        }
        h = Long.rotateLeft(h ^ (tail * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B185EBCA87L;
        h = mix(h ^ (to - from));
        return h == EMPTY ? 1 : h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93fe53ce34dL;
        return z ^ (z >>> 33);
    }
}
