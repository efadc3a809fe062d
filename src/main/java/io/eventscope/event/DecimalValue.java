package io.eventscope.event;

import java.math.BigDecimal;

/**
 * One exact decimal read from a payload before it is stored: unscaled long + scale when it fits, else a
 * BigDecimal, as {@link DecimalColumn} keeps them. Reused for every event, so a plain number costs no
 * object; {@link #storeInto} then copies it into its column cell.
 */
final class DecimalValue {
    private boolean present;
    private long unscaled;
    private int scale;
    private BigDecimal big; // only for what the compact parse refuses (more than 18 digits, exponents)
    private String rejected; // what stood where a number was expected, worded for a flag
    private boolean outOfRange; // a number whose exact value needs more than MAX_DIGITS digits

    void clear() {
        present = false;
        big = null;
        rejected = null;
        outOfRange = false;
    }

    boolean isPresent() {
        return present;
    }

    /** The text (clipped) or kind of value that was not a number, when the last value read was not one. */
    String rejected() {
        return rejected;
    }

    /** Whether the last value read was a number too large or too fine to keep exactly (see {@link DecimalRange}). */
    boolean outOfRange() {
        return outOfRange;
    }

    /** Marks the field as holding something that is not a number (described for the flag). */
    void reject(String what) {
        clear();
        rejected = what;
    }

    /** Parses decimal text exactly (e.g. "-12.50", "1e3"); false, and nothing kept, when it is not a number. */
    boolean parse(char[] text, int offset, int length) {
        if (parseCompact(text, offset, length)) {
            big = null;
        } else {
            int range = DecimalRange.check(text, offset, length);
            if (range == DecimalRange.OUT_OF_RANGE) {
                // Never handed to BigDecimal: its exponent or its digits would cost time and memory beyond the line.
                clear();
                outOfRange = true;
                rejected = FlagWording.clip(new String(text, offset, Math.min(length, 64)));
                return true;
            }
            if (range == DecimalRange.NOT_A_NUMBER) {
                return false;
            }
            try {
                big = new BigDecimal(text, offset, length);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        present = true;
        rejected = null; // a later value of the same field wins
        outOfRange = false;
        return true;
    }

    /** Writes this value into cell {@code i} of {@code column} (absent clears the cell). */
    void storeInto(DecimalColumn column, int i) {
        if (!present) {
            column.clear(i);
        } else if (big != null) {
            column.set(i, big); // stored compact after all when it fits, as DecimalColumn decides
        } else {
            column.setCompact(i, unscaled, scale);
        }
    }

    /** Fast path for plain decimals of at most 18 digits; anything else goes to BigDecimal. */
    private boolean parseCompact(char[] text, int offset, int length) {
        int p = offset;
        int end = offset + length;
        if (p == end) {
            return false;
        }
        boolean negative = text[p] == '-';
        if (negative || text[p] == '+') {
            p++;
        }
        long value = 0;
        int fraction = -1;
        int digits = 0;
        for (; p < end; p++) {
            char c = text[p];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return false;
                }
                value = value * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return false;
            }
        }
        if (digits == 0 || fraction == 0) {
            return false;
        }
        unscaled = negative ? -value : value;
        scale = Math.max(fraction, 0);
        return true;
    }
}
