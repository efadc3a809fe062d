package io.eventscope.testing;

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
 * Facts about the bundled sample's text worked out with Jackson and the banking rules written out by
 * hand, so tests compare what the loader, audit and view models say against something they did not compute.
 */
public final class SampleLines {
    public static final Path FILE = Path.of("assets/samples/bank-demo.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BALANCE_TYPES = Set.of("deposit", "fundsdeposited", "withdrawal",
            "fundswithdrawn", "adjustment", "balanceadjusted");

    private SampleLines() {
    }

    public static List<String> lines() {
        try {
            return Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based positions of lines that cannot be trusted: not an object, no type, or a balance type without a numeric amount. */
    public static List<Integer> badPositions() {
        List<String> lines = lines();
        return java.util.stream.IntStream.rangeClosed(1, lines.size()).filter(p -> bad(lines.get(p - 1)))
                .boxed().toList();
    }

    private static boolean bad(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            return true;
        }
        if (n == null || !n.isObject() || !n.hasNonNull("type")) {
            return true;
        }
        if (!BALANCE_TYPES.contains(n.get("type").asText().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (!n.has("amount")) {
            return true;
        }
        try {
            new BigDecimal(n.get("amount").asText());
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** A count as the viewer and the commands write it, e.g. "20,000". */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
