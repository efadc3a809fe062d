package io.eventscope.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * The print a streaming read keeps of an event's first payload, so that a repeat of its id can be told
 * identical or conflicting once the payload itself is dropped ({@link RepeatedEvents}). Every payload with an id
 * is printed, so this is a measured share of a streaming read: 16 bytes take one 64×64→128-bit multiply on
 * two independent lanes (the id hash's step takes two multiplies for 8 bytes), and the last bytes are read
 * as one overlapping word instead of byte by byte.
 *
 * <p>The keys are drawn once per run, so payloads cannot be crafted to share a print; two different payloads
 * share the 32-bit print with probability about 2⁻³², which would call a conflicting repeat "same payload"
 * (it is flagged and skipped either way).
 */
final class PayloadPrint {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long[] KEYS = new SecureRandom().longs(4).toArray();
    private static final long A = KEYS[0];
    private static final long B = KEYS[1];
    private static final long C = KEYS[2];
    private static final long D = KEYS[3];

    private PayloadPrint() {
    }

    /** The 32-bit print of {@code b[from, to)}. */
    static int of(byte[] b, int from, int to) {
        return (int) of64(b, from, to);
    }

    /** The 64 bits the print is cut from (tests check these, where a one-byte change never goes unseen by chance). */
    static long of64(byte[] b, int from, int to) {
        int length = to - from;
        long x = A;
        long y = B;
        int i = from;
        for (; i + 32 <= to; i += 32) {
            x = mum(x ^ (long) LONGS.get(b, i), C ^ (long) LONGS.get(b, i + 8));
            y = mum(y ^ (long) LONGS.get(b, i + 16), D ^ (long) LONGS.get(b, i + 24));
        }
        if (i + 16 <= to) {
            x = mum(x ^ (long) LONGS.get(b, i), C ^ (long) LONGS.get(b, i + 8));
        }
        if (length >= 16) { // the last 16 bytes, overlapping what was read (the length is mixed in below)
            y = mum(y ^ (long) LONGS.get(b, to - 16), D ^ (long) LONGS.get(b, to - 8));
        } else {
            long low = 0;
            long high = 0;
            for (int k = 0; k < length; k++) {
                long v = (b[from + k] & 0xFFL) << (8 * (k & 7));
                if (k < 8) {
                    low |= v;
                } else {
                    high |= v;
                }
            }
            y = mum(y ^ low, D ^ high);
        }
        return mum(x ^ length, y ^ C);
    }

    /** Both halves of the 128-bit product, folded: each output bit depends on every input bit. */
    private static long mum(long p, long q) {
        return Math.multiplyHigh(p, q) ^ p * q;
    }
}
