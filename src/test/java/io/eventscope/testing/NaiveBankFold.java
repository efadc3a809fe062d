package io.eventscope.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive second implementation of the banking fold over demo logs (Jackson tree model,
 * BigDecimal, the rules written out by hand), for checking the real fold's answers independently.
 */
public final class NaiveBankFold {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private NaiveBankFold() {
    }

    /** Balances after the first {@code positions} lines (one position per line). */
    public static Map<String, BigDecimal> afterLines(List<String> lines, int positions) {
        return fold(lines.subList(0, positions), null);
    }

    /** Balances with every event whose time is at or before {@code at}. */
    public static Map<String, BigDecimal> atTime(List<String> lines, Instant at) {
        return fold(lines, at);
    }

    /** Positions (1-based, up to {@code positions}) of the lines that change {@code account}'s balance. */
    public static List<Integer> changesOf(List<String> lines, int positions, String account) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < positions; i++) {
            Change c = change(lines.get(i));
            if (c != null && c.moves && c.account.equals(account)) {
                out.add(i + 1);
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> fold(List<String> lines, Instant at) {
        Map<String, BigDecimal> balances = new HashMap<>();
        for (String line : lines) {
            Change c = change(line);
            if (c != null && (at == null || !c.time.isAfter(at))) {
                balances.merge(c.account, c.delta, BigDecimal::add);
            }
        }
        return balances;
    }

    /** What one line does, or null when replay skips it; {@code moves}: its type adds to or takes from a balance. */
    private record Change(String account, BigDecimal delta, Instant time, boolean moves) {
    }

    private static Change change(String line) {
        JsonNode e;
        try {
            e = JSON.readTree(line);
        } catch (Exception notJson) {
            return null;
        }
        if (e == null || !e.isObject() || !e.has("type")) {
            return null;
        }
        Instant t = e.has("timestamp") ? Instant.parse(e.get("timestamp").asText())
                : Instant.ofEpochMilli(e.get("ts").asLong());
        String account = e.has("account") ? e.get("account").asText()
                : e.has("accountNumber") ? e.get("accountNumber").asText() : e.get("account_number").asText();
        String type = e.get("type").asText().toLowerCase();
        int sign = switch (type) {
            case "deposit", "fundsdeposited", "adjustment", "balanceadjusted" -> 1;
            case "withdrawal", "fundswithdrawn" -> -1;
            default -> 0;
        };
        BigDecimal amount = null;
        if (e.has("amount")) {
            try {
                amount = new BigDecimal(e.get("amount").asText());
            } catch (NumberFormatException bad) {
                amount = null;
            }
        }
        if (sign != 0 && amount == null) {
            return null; // flagged: skipped by replay
        }
        BigDecimal delta = sign == 0 ? BigDecimal.ZERO : amount.multiply(BigDecimal.valueOf(sign));
        return new Change(account, delta, t, sign != 0);
    }
}
