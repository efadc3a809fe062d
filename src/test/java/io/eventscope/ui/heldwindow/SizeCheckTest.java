package io.eventscope.ui.heldwindow;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.load.LoadForecast;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.NaiveBankFold;
import io.eventscope.testing.SampleLines;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import io.eventscope.ui.task.ManualTicker;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Before a load: a source whose size clearly exceeds the memory budget is offered as a window first. */
class SizeCheckTest {
    private static final String SAMPLE = SampleLines.FILE.toString();
    private static final int LINES = SampleLines.lines().size();
    private static final long TWO_MIB = 2L << 20;

    private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
    private final SessionViewModel sessions = new SessionViewModel(runner, ProjectionSpecReader.banking(), new ManualTicker());
    private final HeldWindowViewModel offer = new HeldWindowViewModel(sessions, runner, () -> SAMPLE,
            (text, window) -> sessions.open(text, sessions.spec(), window, () -> { }));
    private final SizeCheck check = new SizeCheck(sessions, runner, offer);
    private boolean wholeLoadStarted;

    private void open(String source) {
        check.open(source, () -> {
            wholeLoadStarted = true;
            sessions.open(source);
        });
    }

    /** How many of the sample's events a whole load keeps under {@code budget}: what the loader itself finds. */
    private static int fitsWhole(long budget) throws Exception {
        try (var loaded = TimelineLoad.under(ProjectionSpecReader.banking()).oneDecodingThread().budgetBytes(budget)
                .open(SAMPLE)) {
            return loaded.timeline().size();
        }
    }

    @Test
    void aFileClearlyOverTheBudgetIsOfferedAsAWindowBeforeAnythingIsRead() throws Exception {
        sessions.access().setMemoryBudgetBytes(TWO_MIB);

        open(SAMPLE);

        assertThat(wholeLoadStarted).isFalse();
        assertThat(sessions.session()).as("nothing read yet").isNull();
        assertThat(offer.offerProperty().get()).isEqualTo("This source holds " + SampleLines.grouped(LINES)
                + " events, more than fit in the memory budget (2 MiB); load the last "
                + SampleLines.grouped((int) offer.offeredLast()) + " events or those since a time?");
        assertThat(offer.keepTextProperty().get()).isEqualTo("Load from the start");
        assertThat(offer.offeredLast()).as("a window that fits what a whole load keeps").isBetween(1L, (long) fitsWhole(TWO_MIB));
    }

    @Test
    void theOfferedWindowLoadsWholeWithTheBalancesOfTheHistoryBeforeIt() {
        sessions.access().setMemoryBudgetBytes(TWO_MIB);
        open(SAMPLE);
        long last = offer.offeredLast();

        offer.loadLast();

        assertThat(sessions.session().loaded().partial()).as("the window fits the budget").isFalse();
        assertThat(sessions.size()).isEqualTo((int) last);
        int first = (int) (LINES - last + 1);
        assertThat(offer.extentProperty().get()).startsWith("Events " + SampleLines.grouped(first) + "–"
                + SampleLines.grouped(LINES) + " of " + SampleLines.grouped(LINES));
        Map<String, BigDecimal> atFirst = new TreeMap<>();
        sessions.session().engine().stateAt(1).entities().forEach(e -> atFirst.put(e.entity(), e.decimal("balance")));
        assertThat(atFirst).isEqualTo(new TreeMap<>(NaiveBankFold.afterLines(SampleLines.lines(), first)));
    }

    @Test
    void loadingFromTheStartReadsUntilTheBudgetAndDoesNotAskAgain() throws Exception {
        sessions.access().setMemoryBudgetBytes(TWO_MIB);
        open(SAMPLE);

        offer.keep();

        assertThat(wholeLoadStarted).isTrue();
        assertThat(sessions.session().loaded().partial()).isTrue();
        assertThat(sessions.size()).isEqualTo(fitsWhole(TWO_MIB));
        assertThat(offer.offerProperty().get()).as("the user already chose").isNull();
        assertThat(sessions.errorProperty().get()).startsWith("Stopped loading " + SAMPLE + " after "
                + SampleLines.grouped(sessions.size()) + " events: the memory budget of 2 MiB is used up.");
    }

    @Test
    void aSourceThatFitsIsLoadedWithoutAsking() {
        sessions.access().setMemoryBudgetBytes(64L << 20);

        open(SAMPLE);

        assertThat(wholeLoadStarted).isTrue();
        assertThat(offer.offerProperty().get()).isNull();
        assertThat(sessions.size()).isEqualTo(LINES);
    }

    @Test
    void whenTheEstimateSaidItMightFitTheLoadStillOffersAWindowAtTheBudget() throws Exception {
        long budget = 4L << 20;
        // Given: a budget the estimate does not call clearly too small, which the whole load still outgrows.
        assertThat(LoadForecast.of(SAMPLE, null, ProjectionSpecReader.banking(), budget).clearlyTooLarge()).isFalse();
        assertThat(fitsWhole(budget)).isLessThan(LINES);
        sessions.access().setMemoryBudgetBytes(budget);

        open(SAMPLE);

        assertThat(wholeLoadStarted).isTrue();
        assertThat(sessions.session().loaded().partial()).isTrue();
        assertThat(offer.offerProperty().get()).startsWith("This source holds " + SampleLines.grouped(LINES) + " events");
        assertThat(offer.keepTextProperty().get()).isEqualTo("Keep what is loaded");
    }

    @Test
    void aMissingFileGetsTheLoadsSentenceAndNoOffer() {
        sessions.access().setMemoryBudgetBytes(TWO_MIB);

        open("no/such/file.jsonl");

        assertThat(wholeLoadStarted).isFalse();
        assertThat(offer.offerProperty().get()).isNull();
        assertThat(sessions.errorProperty().get()).isEqualTo("The file no/such/file.jsonl does not exist; check the path.");
    }
}
