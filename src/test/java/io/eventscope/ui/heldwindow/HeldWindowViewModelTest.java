package io.eventscope.ui.heldwindow;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.NaiveBankFold;
import io.eventscope.testing.SampleLines;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import io.eventscope.ui.task.ManualTicker;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The offer of a held window when a source is over the memory budget, without a window: given, act, assert. */
class HeldWindowViewModelTest {
    private static final String SAMPLE = SampleLines.FILE.toString();
    private static final int LINES = SampleLines.lines().size();

    private final SessionViewModel sessions = new SessionViewModel(new CurrentThreadTaskRunner(),
            ProjectionSpecReader.banking(), new ManualTicker());
    private final HeldWindowViewModel model = new HeldWindowViewModel(sessions, new CurrentThreadTaskRunner(),
            () -> SAMPLE, (text, window) -> sessions.open(text, sessions.spec(), window, () -> { }));

    @Test
    void aLoadOverTheBudgetOffersTheLastNThatFitInOneSentence() {
        sessions.access().setMemoryBudgetBytes(2L << 20);

        sessions.open(SAMPLE);

        int kept = sessions.session().timeline().size();
        long last = twoDigitsDown(kept * 9L / 10);
        assertThat(model.offerProperty().get()).isEqualTo("This source holds " + SampleLines.grouped(LINES)
                + " events, more than fit in the memory budget (2 MiB); load the last " + SampleLines.grouped((int) last)
                + " events or those since a time?");
        assertThat(sessions.errorProperty().get()).as("the offer replaces the budget sentence").isNull();
        assertThat(model.extentProperty().get()).as("a partial load is no window").isEmpty();
    }

    @Test
    void acceptingHoldsTheLastNWithTheBalancesOfTheWholeHistory() {
        sessions.access().setMemoryBudgetBytes(2L << 20);
        sessions.open(SAMPLE);
        var partial = sessions.session();
        long last = model.offeredLast();

        model.loadLast();

        assertThat(sessions.session()).isNotSameAs(partial);
        assertThat(sessions.errorProperty().get()).isNull();
        assertThat(sessions.size()).isEqualTo((int) last);
        long first = LINES - last + 1;
        assertThat(model.extentProperty().get()).isEqualTo("Events " + SampleLines.grouped((int) first) + "–"
                + SampleLines.grouped(LINES) + " of " + SampleLines.grouped(LINES) + " · earlier history folded in, not shown");
        assertThat(model.carriedInProperty().get()).isEqualTo("Balances carried in from "
                + SampleLines.grouped((int) first - 1) + " earlier events");
        assertThat(model.offerProperty().get()).isNull();
        Map<String, BigDecimal> atFirst = new TreeMap<>();
        sessions.session().engine().stateAt(1).entities().forEach(e -> atFirst.put(e.entity(), e.decimal("balance")));
        assertThat(atFirst).isEqualTo(new TreeMap<>(NaiveBankFold.afterLines(SampleLines.lines(), (int) first)));
    }

    @Test
    void keepingWhatIsLoadedDropsTheOfferAndKeepsTheLoad() {
        sessions.access().setMemoryBudgetBytes(2L << 20);
        sessions.open(SAMPLE);
        var partial = sessions.session();

        model.keep();

        assertThat(model.offerProperty().get()).isNull();
        assertThat(sessions.session()).isSameAs(partial);
    }

    @Test
    void aWholeLoadOffersNothing() {
        sessions.open(SAMPLE);

        assertThat(model.offerProperty().get()).isNull();
        assertThat(model.extentProperty().get()).isEmpty();
    }

    @Test
    void sinceATimeThatIsNoTimeSaysSoAndKeepsTheOffer() {
        sessions.access().setMemoryBudgetBytes(2L << 20);
        sessions.open(SAMPLE);
        var partial = sessions.session();

        String problem = model.loadSince("yesterday");

        assertThat(problem).isEqualTo("\"yesterday\" is not an ISO-8601 time like 2024-03-01T09:41:12Z.");
        assertThat(model.offerProperty().get()).isNotNull();
        assertThat(sessions.session()).isSameAs(partial);
    }

    @Test
    void aWindowStartingPastTheEndSaysSoInsteadOfShowingAnEmptyRange() {
        for (var window : java.util.List.of(io.eventscope.source.LoadWindow.heldFrom(Long.MAX_VALUE / 2),
                io.eventscope.source.LoadWindow.heldSince(java.time.Instant.parse("2999-01-01T00:00:00Z")))) {
            sessions.open(SAMPLE, sessions.spec(), window, () -> { });

            assertThat(sessions.errorProperty().get()).as("%s", window).isNull();
            assertThat(sessions.size()).isZero();
            assertThat(model.extentProperty().get()).isEqualTo("No events from #" + SampleLines.grouped(LINES + 1)
                    + " on: all " + SampleLines.grouped(LINES) + " events of the source come before the window, folded in");
        }
    }

    @Test
    void aWindowSinceATimeBeforeNanosecondsBeganHoldsEverything() {
        sessions.open(SAMPLE, sessions.spec(), io.eventscope.source.LoadWindow.heldSince(
                java.time.Instant.parse("1200-01-01T00:00:00Z")), () -> { });

        assertThat(sessions.errorProperty().get()).isNull();
        assertThat(sessions.size()).isEqualTo(LINES);
    }

    private static long twoDigitsDown(long n) {
        return new BigDecimal(n).round(new MathContext(2, RoundingMode.DOWN)).longValueExact();
    }
}
