package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recomputes the bundled sample's balances with a deliberately naive second implementation (Jackson
 * tree model, BigDecimal, the banking rules written out by hand) and compares with `state --at`.
 */
class IndependentFoldTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void stateAtNoonMatchesANaiveFoldOfTheSample() throws Exception {
        Instant noon = Instant.parse("2024-03-01T12:00:00Z");
        Map<String, BigDecimal> expected = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("assets/samples/bank-demo.jsonl"))) {
            JsonNode e;
            try {
                e = JSON.readTree(line);
            } catch (Exception notJson) {
                continue;
            }
            if (e == null || !e.isObject() || !e.has("type")) {
                continue;
            }
            Instant t = e.has("timestamp") ? Instant.parse(e.get("timestamp").asText())
                    : Instant.ofEpochMilli(e.get("ts").asLong());
            if (t.isAfter(noon)) {
                continue;
            }
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
                continue; // flagged: skipped by replay
            }
            BigDecimal delta = sign == 0 ? BigDecimal.ZERO : amount.multiply(BigDecimal.valueOf(sign));
            expected.merge(account, delta, BigDecimal::add);
        }

        Cli r = Cli.run("state", "assets/samples/bank-demo.jsonl", "--at", "2024-03-01T12:00:00Z", "--format", "json");
        JsonNode entities = new ObjectMapper().readTree(r.out).get("entities");
        assertThat(entities.size()).isEqualTo(expected.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = entities.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entity = it.next();
            assertThat(new BigDecimal(entity.getValue().get("balance").asText()))
                    .as(entity.getKey()).isEqualByComparingTo(expected.get(entity.getKey()));
        }
    }
}
