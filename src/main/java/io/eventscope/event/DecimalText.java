package io.eventscope.event;

import java.math.BigDecimal;

/** Exact decimal text for people: every digit kept, thousands grouped ("-1,204.50"). */
public final class DecimalText {
    private DecimalText() {
    }

    public static String grouped(BigDecimal value) {
        String plain = value.toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3);
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        if (dot >= 0) {
            out.append(digits, dot, digits.length());
        }
        return negative ? "-" + out : out.toString();
    }

    /** An int with thousands grouped ("20,000"). */
    public static String grouped(long value) {
        return grouped(BigDecimal.valueOf(value));
    }
}
