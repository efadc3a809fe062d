package io.eventscope.event;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A growable column of exact decimals stored as unscaled long + scale, with a BigDecimal fallback for
 * values that do not fit. Arithmetic stays exact: a long overflow moves the cell to the fallback.
 * Avoids one object per value, which is what keeps a million events and their checkpoints small.
 */
public final class DecimalColumn {
    private static final byte ABSENT = Byte.MIN_VALUE;
    private static final byte BIG = Byte.MIN_VALUE + 1;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    // Volatile: the timeline's reader threads must see the contents of arrays the writer replaced.
    private volatile long[] unscaled;
    private volatile byte[] scale;
    private volatile BigDecimal[] big; // allocated on first overflow only

    public DecimalColumn(int capacity) {
        unscaled = new long[Math.max(capacity, 4)];
        scale = new byte[unscaled.length];
        Arrays.fill(scale, ABSENT);
    }

    private DecimalColumn(long[] unscaled, byte[] scale, BigDecimal[] big) {
        this.unscaled = unscaled;
        this.scale = scale;
        this.big = big;
    }

    public int capacity() {
        return unscaled.length;
    }

    public void ensureCapacity(int needed) {
        if (needed <= unscaled.length) {
            return;
        }
        int n = Math.max(needed, unscaled.length + (unscaled.length >> 1));
        unscaled = Arrays.copyOf(unscaled, n);
        int old = scale.length;
        byte[] grown = Arrays.copyOf(scale, n);
        Arrays.fill(grown, old, n, ABSENT);
        scale = grown;
        if (big != null) {
            big = Arrays.copyOf(big, n);
        }
    }

    /** Grows or shrinks to exactly {@code n} cells (cells beyond {@code n} are dropped). */
    void resize(int n) {
        if (n >= unscaled.length) {
            ensureCapacity(n);
            return;
        }
        unscaled = Arrays.copyOf(unscaled, n);
        scale = Arrays.copyOf(scale, n);
        if (big != null) {
            big = Arrays.copyOf(big, n);
        }
    }

    public boolean isPresent(int i) {
        return i < scale.length && scale[i] != ABSENT;
    }

    /** The exact value, or null when absent. */
    public BigDecimal get(int i) {
        if (!isPresent(i)) {
            return null;
        }
        byte s = scale[i];
        return s == BIG ? big[i] : BigDecimal.valueOf(unscaled[i], s);
    }

    public void clear(int i) {
        if (i < scale.length) {
            scale[i] = ABSENT;
            if (big != null) {
                big[i] = null;
            }
        }
    }

    public void set(int i, BigDecimal value) {
        ensureCapacity(i + 1);
        if (value == null) {
            clear(i);
            return;
        }
        int s = value.scale();
        if (s > BIG && s <= Byte.MAX_VALUE && value.unscaledValue().bitLength() < 64) {
            setCompact(i, value.unscaledValue().longValue(), s);
        } else {
            setBig(i, value);
        }
    }

    /** Stores {@code unscaled × 10^-scale}; scale must be within the compact range. */
    public void setCompact(int i, long unscaledValue, int scaleValue) {
        ensureCapacity(i + 1);
        if (scaleValue <= BIG || scaleValue > Byte.MAX_VALUE) {
            setBig(i, BigDecimal.valueOf(unscaledValue, scaleValue));
            return;
        }
        unscaled[i] = unscaledValue;
        scale[i] = (byte) scaleValue;
        if (big != null) {
            big[i] = null;
        }
    }

    private void setBig(int i, BigDecimal value) {
        BigDecimal[] b = big;
        if (b == null) {
            b = allocateBig();
        }
        b[i] = value;
        scale[i] = BIG;
    }

    /** Two decoder threads may meet their first oversized value at once; only one allocates. */
    private synchronized BigDecimal[] allocateBig() {
        if (big == null) {
            big = new BigDecimal[unscaled.length];
        }
        return big;
    }

    /** Copies cell {@code from} of {@code source} into cell {@code i} (absent stays absent). */
    public void copyCell(int i, DecimalColumn source, int from) {
        if (!source.isPresent(from)) {
            clear(i);
        } else if (source.scale[from] == BIG) {
            ensureCapacity(i + 1);
            setBig(i, source.big[from]);
        } else {
            setCompact(i, source.unscaled[from], source.scale[from]);
        }
    }

    /**
     * Adds (or subtracts) cell {@code from} of {@code source} to cell {@code i}; an absent cell here
     * counts as zero. Returns false, changing nothing, when the source cell is absent.
     */
    public boolean addCell(int i, DecimalColumn source, int from, boolean negate) {
        if (!source.isPresent(from)) {
            return false;
        }
        ensureCapacity(i + 1);
        if (!isPresent(i)) {
            unscaled[i] = 0;
            scale[i] = 0;
        }
        byte sa = scale[i];
        byte sb = source.scale[from];
        if (sa != BIG && sb != BIG) {
            long a = unscaled[i];
            long b = source.unscaled[from];
            if (negate && b == Long.MIN_VALUE) {
                return addSlow(i, source.get(from).negate());
            }
            b = negate ? -b : b;
            int target = Math.max(sa, sb);
            try {
                long ra = rescale(a, target - sa);
                long rb = rescale(b, target - sb);
                unscaled[i] = Math.addExact(ra, rb);
                scale[i] = (byte) target;
                return true;
            } catch (ArithmeticException overflow) {
                // fall through to the exact BigDecimal path
            }
        }
        BigDecimal value = source.get(from);
        return addSlow(i, negate ? value.negate() : value);
    }

    private boolean addSlow(int i, BigDecimal delta) {
        set(i, get(i).add(delta));
        return true;
    }

    private static long rescale(long value, int digits) {
        if (digits == 0) {
            return value;
        }
        if (digits >= POW10.length) {
            throw new ArithmeticException("rescale overflow");
        }
        return Math.multiplyExact(value, POW10[digits]);
    }

    /** An independent copy of the first {@code length} cells. */
    public DecimalColumn copy(int length) {
        int n = Math.max(length, 1);
        return new DecimalColumn(Arrays.copyOf(unscaled, n), Arrays.copyOf(scale, n),
                big == null ? null : Arrays.copyOf(big, n));
    }

    /** Approximate heap held by this column, for memory accounting. */
    public long retainedBytes() {
        return 32L + unscaled.length * 9L + (big == null ? 0 : 16L + big.length * 4L);
    }

    /** Parses decimal text exactly (e.g. "-12.50", "1e3") into cell {@code i}; false if it is not a number. */
    public boolean parseInto(int i, char[] text, int offset, int length) {
        DecimalValue value = new DecimalValue();
        if (!value.parse(text, offset, length)) {
            return false;
        }
        value.storeInto(this, i);
        return true;
    }
}
