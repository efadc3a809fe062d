package io.eventscope.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Facts about the bundled sample worked out directly from its text with Jackson, independently of the
 * timeline and the viewer, so tests compare the window against something it did not compute.
 */
final class SampleFacts {
    static final Path FILE = Path.of("assets/samples/bank-demo.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Set<String> BALANCE_TYPES = Set.of("deposit", "fundsdeposited", "withdrawal",
            "fundswithdrawn", "adjustment", "balanceadjusted");

    final List<String> lines;

    SampleFacts() {
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line at 1-based position as a JSON object, or null when it is not one. */
    JsonNode object(int position) {
        try {
            JsonNode n = JSON.readTree(lines.get(position - 1));
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    String type(int position) {
        JsonNode n = object(position);
        return n == null || !n.hasNonNull("type") ? null : n.get("type").asText();
    }

    String account(int position) {
        JsonNode n = object(position);
        for (String f : List.of("account", "accountNumber", "account_number")) {
            if (n != null && n.hasNonNull(f)) {
                return n.get(f).asText();
            }
        }
        return null;
    }

    /** The amount as an exact decimal, or null when absent or not a number. */
    BigDecimal amount(int position) {
        JsonNode n = object(position);
        if (n == null || !n.has("amount")) {
            return null;
        }
        try {
            return new BigDecimal(n.get("amount").asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Lines that cannot be trusted: not a JSON object, no type, or a balance type without a numeric amount. */
    boolean bad(int position) {
        JsonNode n = object(position);
        if (n == null || type(position) == null) {
            return true;
        }
        return BALANCE_TYPES.contains(type(position).toLowerCase(Locale.ROOT)) && amount(position) == null;
    }

    /** The event time written in the line (ISO text or epoch milliseconds), or null when it has none. */
    java.time.Instant time(int position) {
        JsonNode n = object(position);
        for (String f : List.of("timestamp", "ts", "time", "occurredAt")) {
            if (n != null && n.hasNonNull(f)) {
                JsonNode v = n.get(f);
                return v.isNumber() ? java.time.Instant.ofEpochMilli(v.asLong()) : java.time.Instant.parse(v.asText());
            }
        }
        return null;
    }

    int size() {
        return lines.size();
    }
}
