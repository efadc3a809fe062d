package io.eventscope.source.jetstream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Remembers message ids (as 64-bit hashes) and the position where each was first seen, in two primitive
 * arrays: a million ids cost 25 MB instead of ~100 MB for a set of strings. Two distinct ids share a hash with
 * probability ~n²/2⁶⁵ (about 3·10⁻⁸ for a million), which is acceptable for flagging repeats.
 */
final class IdPositions {
    private static final long EMPTY = 0;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    /** Records the id {@code b[from, to)} (its UTF-8 bytes) at {@code position}; returns the earlier position if the id was seen, else 0. */
    int putIfAbsent(byte[] b, int from, int to, int position) {
        long key = hash(b, from, to);
        int mask = keys.length - 1;
        int slot = (int) (mix(key) & mask);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = position;
        if (++size * 10 > keys.length * 7) { // linear probing stays short up to ~70% full
            grow();
        }
        return 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = (int) (mix(oldKeys[i]) & mask);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
        Arrays.fill(oldKeys, 0);
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
