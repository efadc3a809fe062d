package io.eventscope.source.memphis;

import java.util.Locale;

/**
 * A station name as Memphis stores it: lowercased, and internally with {@code .} replaced by {@code #}
 * ({@code Bank.Ledger} → station {@code bank.ledger}, internal {@code bank#ledger}).
 */
public record StationName(String display, String internal) {

    public static StationName of(String typed) {
        String lower = typed.trim().toLowerCase(Locale.ROOT);
        // A user may also paste the internal name (bank#ledger or bank#ledger$2) from broker tooling.
        String base = lower.replaceFirst("\\$\\d+$", "");
        return new StationName(base.replace('#', '.'), base.replace('.', '#'));
    }

    /** Stream of partition {@code p} (1-based) of a partitioned station. */
    public String partitionStream(int p) {
        return internal + "$" + p;
    }

    /** Subject producers publish on, for a stream of this station. */
    public static String finalSubject(String stream) {
        return stream + ".final";
    }
}
