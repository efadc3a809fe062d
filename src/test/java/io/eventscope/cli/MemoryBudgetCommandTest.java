package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.event.MemoryBudget;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpecReader;
import org.junit.jupiter.api.Test;

/**
 * A timeline load bigger than the memory budget (the viewer's, {@code events --follow}'s) stops cleanly, says
 * so, and answers for what it loaded; answers that need only the fold, and {@code events}, stream past it (see {@link StreamingCommandsTest} for a tight heap).
 */
class MemoryBudgetCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTimelineLoadOverTheBudgetKeepsWhatItReadAndSaysSoInOneSentence() throws Exception {
        LoadedSource loaded = TimelineLoad.under(ProjectionSpecReader.banking()).budgetBytes(MemoryBudget.parse("2m"))
                .read("assets/samples/bank-demo.jsonl");
        assertThat(loaded.partial()).isTrue();
        assertThat(loaded.stoppedEarly()).contains("memory budget of 2 MiB").contains("--max-memory").doesNotContain("\n");
        assertThat(loaded.timeline().size()).isBetween(1000, 19999);
        java.io.StringWriter err = new java.io.StringWriter();
        assertThat(SourceOptions.reportPartial(loaded, new java.io.PrintWriter(err))).isEqualTo(EventscopeCommand.EXIT_PARTIAL);
        assertThat(err.toString().strip()).isEqualTo(loaded.stoppedEarly());
    }

    @Test
    void answersThatOnlyNeedTheFoldStreamPastTheBudget() throws Exception {
        Cli events = Cli.run("events", "assets/samples/bank-demo.jsonl", "--max-memory", "2m");
        assertThat(events.exit).as(events.err).isZero();
        assertThat(events.err).isEmpty();
        assertThat(events.out.lines().count()).isEqualTo(20_000);

        Cli r = Cli.run("state", "assets/samples/bank-demo.jsonl", "--max-memory", "2m", "--format", "json");
        assertThat(r.exit).as(r.err).isZero();
        JsonNode state = JSON.readTree(r.out);
        assertThat(state.get("position").asInt()).isEqualTo(20_000);

        Cli verify = Cli.run("verify", "assets/samples/bank-demo.jsonl", "--max-memory", "2m");
        assertThat(verify.exit).isEqualTo(3);
        assertThat(verify.out).contains("20,000 positions").doesNotContain("Incomplete:");
    }
}
