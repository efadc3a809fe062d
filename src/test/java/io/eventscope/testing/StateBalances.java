package io.eventscope.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** Checks `state --format json` output against balances computed independently (e.g. by {@link NaiveBankFold}). */
public final class StateBalances {
    private StateBalances() {
    }

    /** Every entity of {@code state} has exactly the expected balance (by decimal value), and no other is listed. */
    public static void assertBalances(JsonNode state, Map<String, BigDecimal> expected) {
        JsonNode entities = state.get("entities");
        assertThat(entities.size()).isEqualTo(expected.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = entities.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(new BigDecimal(e.getValue().get("balance").asText())).as(e.getKey())
                    .isEqualByComparingTo(expected.get(e.getKey()));
        }
    }
}
