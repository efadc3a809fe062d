package io.eventscope.source.jetstream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Remembers message ids (as 64-bit hashes) and the position where each was first seen, in two primitive
 * arrays: a million ids cost 17 MB instead of ~100 MB for a set of strings. Two distinct ids share a hash with
 * probability ~n²/2⁶⁵ (about 3·10⁻⁸ for a million), which is acceptable for flagging repeats.
 *
 * <p>A million-entry table outgrows the caches, so each new id costs a memory access; what decides its cost
 * is how much of the table the caches and TLB still hold. So the table is as small as it can be: the hashes,
 * read on every id, apart from the positions, only written on insert and read on a repeat; and sized
 * exactly (not to a power of two) from the expected count, rather than rehashed step by step.
 */
final class IdPositions {
    private static final long EMPTY = 0;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MIN_SLOTS = 1 << 12;
    /** Presizing stops here (about a million ids, 17 MB); beyond it the table grows as ids arrive. */
    private static final int MAX_RESERVED = 1 << 20;
    private long[] keys = new long[MIN_SLOTS];
    private int[] positions = new int[MIN_SLOTS];
    private int size;
    private int expected;

    /** A hint: about {@code ids} ids will come. Applied when the first id arrives, so id-less streams cost nothing. */
    void expect(long ids) {
        expected = (int) Math.min(Math.max(ids, 0), MAX_RESERVED);
    }

    /** Records the id {@code b[from, to)} (its UTF-8 bytes) at {@code position}; returns the earlier position if the id was seen, else 0. */
    int putIfAbsent(byte[] b, int from, int to, int position) {
        if (size == 0 && expected > 0) {
            keys = new long[slotsFor(expected)];
            positions = new int[keys.length];
            expected = 0;
        }
        long key = hash(b, from, to);
        long[] k = keys;
        int slots = k.length;
        int slot = home(key, slots);
        while (k[slot] != EMPTY) {
            if (k[slot] == key) {
                return positions[slot];
            }
            if (++slot == slots) {
                slot = 0;
            }
        }
        k[slot] = key;
        positions[slot] = position;
        if (++size * 10L > slots * 7L) { // linear probing stays short up to ~70% full
            grow();
        }
        return 0;
    }

    /** Enough slots for {@code n} ids at most 70% full. */
    static int slotsFor(int n) {
        return Math.max(MIN_SLOTS, (int) ((long) n * 10 / 7) + 1);
    }

    /** The home slot: the hash's high half scaled to the table (any table size, no modulo). */
    private static int home(long key, int slots) {
        return (int) (((key >>> 32) * slots) >>> 32);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldPositions = positions;
        int slots = oldKeys.length * 2;
        long[] k = new long[slots];
        int[] p = new int[slots];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = home(oldKeys[i], slots);
                while (k[slot] != EMPTY) {
                    if (++slot == slots) {
                        slot = 0;
                    }
                }
                k[slot] = oldKeys[i];
                p[slot] = oldPositions[i];
            }
        }
        keys = k;
        positions = p;
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
