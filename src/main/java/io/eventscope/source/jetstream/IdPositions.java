package io.eventscope.source.jetstream;

import java.util.Arrays;

/**
 * Remembers message ids (as 64-bit hashes) and the position where each was first seen, in two primitive
 * arrays: a million ids cost 25 MB instead of ~100 MB for a set of strings. Two distinct ids share a hash with
 * probability ~n²/2⁶⁵ (about 3·10⁻⁸ for a million), which is acceptable for flagging repeats.
 */
final class IdPositions {
    private static final long EMPTY = 0;
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    /** Records {@code id} at {@code position}; returns the earlier position if the id was seen, else 0. */
    int putIfAbsent(String id, int position) {
        long key = hash(id);
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

    static long hash(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h = mix(h ^ s.length());
        return h == EMPTY ? 1 : h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93fe53ce34dL;
        return z ^ (z >>> 33);
    }
}
