package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.testing.NaiveBankFold;
import io.eventscope.testing.StateBalances;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recomputes the bundled sample's balances with a deliberately naive second implementation
 * ({@link NaiveBankFold}) and compares with `state --at`.
 */
class IndependentFoldTest {
    @Test
    void stateAtNoonMatchesANaiveFoldOfTheSample() throws Exception {
        Instant noon = Instant.parse("2024-03-01T12:00:00Z");
        Map<String, BigDecimal> expected = NaiveBankFold.atTime(
                Files.readAllLines(Path.of("assets/samples/bank-demo.jsonl")), noon);

        Cli r = Cli.run("state", "assets/samples/bank-demo.jsonl", "--at", "2024-03-01T12:00:00Z", "--format", "json");
        StateBalances.assertBalances(new ObjectMapper().readTree(r.out), expected);
    }
}
