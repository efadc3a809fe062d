package io.eventscope.event;

/**
 * The range rule for amounts, decided from the text alone in one pass: a number whose exact value needs
 * more than {@link #MAX_DIGITS} digits written out (or whose exponent does not fit an int) is out of
 * range. 400-digit amounts stay exact; {@code 1e99999999} is refused before anything builds a
 * BigDecimal of it or prints its hundred million digits.
 */
final class DecimalRange {
    static final int MAX_DIGITS = 1000;
    static final int IN_RANGE = 0;
    static final int OUT_OF_RANGE = 1;
    static final int NOT_A_NUMBER = 2;

    private DecimalRange() {
    }

    static int check(char[] c, int offset, int length) {
        int p = offset;
        int end = offset + length;
        if (p < end && (c[p] == '-' || c[p] == '+')) {
            p++;
        }
        long significant = 0; // digits from the first non-zero one
        long fraction = 0; // digits after the point
        int digits = 0;
        boolean point = false;
        for (; p < end; p++) {
            char ch = c[p];
            if (ch >= '0' && ch <= '9') {
                digits = 1;
                if (significant > 0 || ch != '0') {
                    significant++;
                }
                if (point) {
                    fraction++;
                }
            } else if (ch == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return NOT_A_NUMBER;
        }
        long exponent = 0;
        if (p < end && (c[p] == 'e' || c[p] == 'E')) {
            p++;
            boolean negative = p < end && c[p] == '-';
            if (p < end && (c[p] == '-' || c[p] == '+')) {
                p++;
            }
            if (p == end) {
                return NOT_A_NUMBER;
            }
            for (; p < end; p++) {
                char ch = c[p];
                if (ch < '0' || ch > '9') {
                    return NOT_A_NUMBER;
                }
                exponent = Math.min(exponent * 10 + (ch - '0'), 1L << 40); // saturates: beyond any int anyway
            }
            exponent = negative ? -exponent : exponent;
        }
        if (p != end) {
            return NOT_A_NUMBER;
        }
        if (exponent > Integer.MAX_VALUE || exponent < -Integer.MAX_VALUE) {
            return OUT_OF_RANGE;
        }
        long scale = fraction - exponent; // value = unscaled × 10^-scale, unscaled of `significant` digits
        long written = significant == 0 ? Math.max(1, scale) // zero prints its scale's zeros, nothing else
                : scale <= 0 ? significant - scale : Math.max(significant, scale);
        return written > MAX_DIGITS ? OUT_OF_RANGE : IN_RANGE;
    }
}
