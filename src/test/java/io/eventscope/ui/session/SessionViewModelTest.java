package io.eventscope.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.SampleLines;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import io.eventscope.ui.task.ManualTicker;
import org.junit.jupiter.api.Test;

/** The opened source as the window sees it, without a window: given a state, act, then assert. */
class SessionViewModelTest {
    private static final String SAMPLE = SampleLines.FILE.toString();

    private final ManualTicker ticker = new ManualTicker();
    private final SessionViewModel model = new SessionViewModel(new CurrentThreadTaskRunner(),
            ProjectionSpecReader.banking(), ticker);

    @Test
    void openingTheSampleShowsEveryLineAndTheFlaggedCount() {
        model.open(SAMPLE);

        int lines = SampleLines.lines().size();
        assertThat(model.size()).isEqualTo(lines);
        assertThat(model.session().timeline().size()).isEqualTo(lines);
        assertThat(model.statusProperty().get()).startsWith(SampleLines.grouped(lines) + " events · "
                + SampleLines.grouped(SampleLines.badPositions().size()) + " flagged · loaded in ");
        assertThat(model.titleProperty().get()).isEqualTo("Eventscope — " + SAMPLE);
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.liveProperty().get()).as("a file cannot be followed").isFalse();
    }

    @Test
    void aMissingFileLeavesTheShownSourceAndSaysWhyOnce() {
        model.open(SAMPLE);
        Session shown = model.session();
        String status = model.statusProperty().get();

        model.open("no/such/file.jsonl");

        assertThat(model.session()).isSameAs(shown);
        assertThat(model.size()).isEqualTo(SampleLines.lines().size());
        assertThat(model.statusProperty().get()).isEqualTo(status);
        assertThat(model.titleProperty().get()).isEqualTo("Eventscope — " + SAMPLE);
        assertThat(model.errorProperty().get()).contains("no/such/file.jsonl").doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aLoadOverTheMemoryBudgetKeepsWhatItReadAndSaysSoInOneSentence() {
        model.access().setMemoryBudgetBytes(2L << 20);

        model.open(SAMPLE);

        int kept = model.session().timeline().size();
        assertThat(kept).isBetween(1, SampleLines.lines().size() - 1);
        assertThat(model.size()).isEqualTo(kept);
        assertThat(model.errorProperty().get())
                .startsWith("Stopped loading " + SAMPLE + " after " + SampleLines.grouped(kept) + " events")
                .contains("memory budget of 2 MiB").contains("loaded so far are shown").doesNotContain("\n");
        assertThat(model.liveProperty().get()).isFalse();
    }

    @Test
    void openingAnotherSourceReplacesTheFirstAndClosesIt() {
        model.open(SAMPLE);
        Session first = model.session();

        model.open(SAMPLE);

        assertThat(model.session()).isNotSameAs(first);
        assertThat(first.cancelled()).as("the replaced session was closed").isTrue();
        assertThat(model.size()).isEqualTo(SampleLines.lines().size());
    }

    @Test
    void theSizeIsPublishedOnTheClockUntilDisposed() {
        assertThat(ticker.running()).isTrue();

        model.dispose();

        assertThat(ticker.running()).isFalse();
    }
}
