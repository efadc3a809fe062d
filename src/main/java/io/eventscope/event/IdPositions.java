package io.eventscope.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * Remembers ids (as 64-bit hashes) and the position where each was first seen, in primitive arrays: a
 * million ids cost 17 MB instead of ~100 MB for a set of strings. It serves a station's message ids and
 * the event ids a projection names alike; for the latter each id also keeps a 32-bit print of its first
 * payload ({@link PayloadPrint}), so that a repeat can be told identical or conflicting without the earlier payload.
 *
 * <p>The hashes are seeded once per run from a random seed, so ids cannot be crafted to collide (the
 * hash is invertible step by step, so an unseeded one could be). Two distinct ids share a hash with
 * probability ~n²/2⁶⁵ (about 3·10⁻⁸ for a million), so no event's own answer hangs on chance in
 * practice; nothing else can be exact in bounded memory once earlier payloads are dropped.
 *
 * <p>A large table outgrows the caches, so each new id costs a memory access; what decides its cost
 * is how much of the table the caches and TLB still hold. So the table is as small as it can be: the hashes,
 * read on every id, apart from the positions, only written on insert and read on a repeat; sized from the
 * expected count when known, and grown by half (not doubled) so it stays close to the ids it holds.
 */
public final class IdPositions {
    private static final long EMPTY = 0;
    private static final long SEED = new SecureRandom().nextLong();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MIN_SLOTS = 1 << 12;
    private long[] keys = new long[MIN_SLOTS];
    private int[] positions = new int[MIN_SLOTS];
    /** Payload prints, by slot; null until the first id with one. */
    private int[] prints;
    private int size;
    private int expected;
    /** Written by {@link #warm} so that its loads are not optimised away. */
    private long warmed;

    /**
     * A hint: about {@code ids} ids will come (a file's count is estimated after its first lines). Applied
     * when the next id arrives, so id-less streams cost nothing; a table within half of that is kept.
     */
    public void expect(long ids) {
        expected = (int) Math.min(Math.max(ids, 0), Integer.MAX_VALUE / 2); // the caller caps it (RepeatedEvents)
    }

    /** Records the id {@code b[from, to)} (its UTF-8 bytes) at {@code position}; returns the earlier position if the id was seen, else 0. */
    public int putIfAbsent(byte[] b, int from, int to, int position) {
        int slot = insert(hash(b, from, to), 0, position);
        return slot < 0 ? 0 : positions[slot];
    }

    /**
     * Records the id hashed to {@code key} (from {@link #hash}) at {@code position}, with its payload's
     * {@code print}. Returns the slot of the earlier entry when the id was seen (read it with
     * {@link #positionAt} and {@link #printAt}), else -1.
     */
    public int put(long key, int print, int position) {
        if (prints == null) {
            prints = new int[keys.length];
        }
        return insert(key, print, position);
    }

    /**
     * Loads the hashes in the home slots of the ids hashed to {@code keys[from, to)} (0 for none), so that
     * putting them one by one afterwards finds them cached: the independent loads of this tight loop overlap
     * in the memory system, while each put's would wait for the one before. (The positions and prints a put
     * writes are stores, which do not hold the loading thread up.)
     */
    public void warm(long[] keys, int from, int to) {
        long[] k = this.keys;
        int slots = k.length;
        long sum = 0;
        for (int i = from; i < to; i++) {
            if (keys[i] != EMPTY) {
                sum += k[home(keys[i], slots)];
            }
        }
        warmed = sum;
    }

    /** As {@link #put}, keeping no print (the caller compares payloads another way). */
    public int putWithoutPrint(long key, int position) {
        return insert(key, 0, position);
    }

    public int positionAt(int slot) {
        return positions[slot];
    }

    public int printAt(int slot) {
        return prints[slot];
    }

    /** Heap the table holds (for the memory budget). */
    public long bytes() {
        return (long) keys.length * (prints == null ? 12 : 16);
    }

    /** The most ids a presized table holds within {@code bytes} (prints kept). */
    static long idsWithin(long bytes) {
        return Math.max(0, bytes / 16 - 2) * 7 / 10; // slotsFor rounds up by one slot
    }

    /** Heap the table will hold once one more id is put (it may grow). */
    public long bytesAfterNextPut() {
        long slots = (size + 1) * 4L > keys.length * 3L ? keys.length + (keys.length >> 1) : keys.length;
        if (expected > 0) {
            slots = Math.max(slots, slotsFor(expected)); // the presize the next put makes
        }
        return bytes() / keys.length * slots;
    }

    private int insert(long key, int print, int position) {
        if (expected > 0) {
            if (slotsFor(expected) > keys.length + (keys.length >> 1)) { // far larger: one resize, not several growths
                resize(slotsFor(expected));
            }
            expected = 0;
        }
        long[] k = keys;
        int slots = k.length;
        int slot = home(key, slots);
        while (k[slot] != EMPTY) {
            if (k[slot] == key) {
                return slot;
            }
            if (++slot == slots) {
                slot = 0;
            }
        }
        k[slot] = key;
        positions[slot] = position;
        if (prints != null) {
            prints[slot] = print;
        }
        if (++size * 4L > slots * 3L) { // linear probing stays short up to ~75% full
            grow();
        }
        return -1;
    }

    /** Enough slots for {@code n} ids at most 70% full. */
    static int slotsFor(int n) {
        return Math.max(MIN_SLOTS, (int) ((long) n * 10 / 7) + 1);
    }

    /** The home slot: the hash's high half scaled to the table (any table size, no modulo). */
    private static int home(long key, int slots) {
        return (int) (((key >>> 32) * slots) >>> 32);
    }

    /** Grows by half: doubling would leave up to twice the room the ids need, the heap a streaming answer lives in. */
    private void grow() {
        resize(keys.length + (keys.length >> 1));
    }

    private void resize(int slots) {
        long[] oldKeys = keys;
        int[] oldPositions = positions;
        int[] oldPrints = prints;
        long[] k = new long[slots];
        int[] p = new int[slots];
        int[] q = oldPrints == null ? null : new int[slots];
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
                if (q != null) {
                    q[slot] = oldPrints[i];
                }
            }
        }
        keys = k;
        positions = p;
        prints = q;
    }

    /**
     * A 64-bit hash of {@code b[from, to)}, eight bytes per step (ids are tens of bytes; a step per
     * character was a visible share of a station load). Each step is a bijection of the word, so ids of
     * equal length differing in one word never collide.
     */
    public static long hash(byte[] b, int from, int to) {
        long h = SEED;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = step(h, (long) LONGS.get(b, i));
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (b[i] & 0xFFL) << shift;
        }
        return finish(step(h, tail), to - from);
    }

    /** The same for characters {@code c[off, off+len)} (an id as the decoder reads it), four per step. */
    public static long hash(char[] c, int off, int len) {
        return hash(SEED, c, off, len);
    }

    /** As above under {@code seed} (tests craft ids that collide under a known seed). */
    static long hash(long seed, char[] c, int off, int len) {
        long h = seed ^ 0x5851F42D4C957F2DL; // chars and bytes are told apart even when their words agree
        int i = off;
        int to = off + len;
        for (; i + 4 <= to; i += 4) {
            h = step(h, c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48);
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 16) {
            tail |= (long) c[i] << shift;
        }
        return finish(step(h, tail), len);
    }

    private static long step(long h, long word) {
        return Long.rotateLeft(h ^ (word * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B185EBCA87L;
    }

    private static long finish(long h, int length) {
        h = mix(h ^ length);
        return h == EMPTY ? 1 : h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93fe53ce34dL;
        return z ^ (z >>> 33);
    }
}
