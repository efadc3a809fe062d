package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A timeline load bigger than the memory budget stops cleanly, says so, and answers for what it loaded;
 * answers that need only the fold stream past it (see {@link StreamingCommandsTest} for a tight heap).
 */
class MemoryBudgetCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTimelineLoadOverTheBudgetKeepsWhatItReadAndExitsFour() throws Exception {
        Cli r = Cli.run("events", "assets/samples/bank-demo.jsonl", "--max-memory", "2m");
        assertThat(r.exit).isEqualTo(4);
        assertThat(r.err.strip().lines()).hasSize(1);
        assertThat(r.err).contains("memory budget of 2 MiB").contains("--max-memory");
        assertThat(r.out.lines().count()).isBetween(1000L, 19999L);
    }

    @Test
    void answersThatOnlyNeedTheFoldStreamPastTheBudget() throws Exception {
        Cli r = Cli.run("state", "assets/samples/bank-demo.jsonl", "--max-memory", "2m", "--format", "json");
        assertThat(r.exit).as(r.err).isZero();
        JsonNode state = JSON.readTree(r.out);
        assertThat(state.get("position").asInt()).isEqualTo(20_000);

        Cli verify = Cli.run("verify", "assets/samples/bank-demo.jsonl", "--max-memory", "2m");
        assertThat(verify.exit).isEqualTo(3);
        assertThat(verify.out).contains("20,000 positions").doesNotContain("Incomplete:");
    }
}
