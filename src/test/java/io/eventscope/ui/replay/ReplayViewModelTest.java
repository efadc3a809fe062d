package io.eventscope.ui.replay;

import static io.eventscope.ui.task.FxThread.call;
import static io.eventscope.ui.task.FxThread.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay cursor without a window: given a small log, loaded synchronously, the cursor moves where
 * the user asks and says so in one sentence when it cannot. Runs on the FX thread (the session polls
 * with an FX animation) but needs no TestFX and no stage.
 */
class ReplayViewModelTest {
    private static final List<String> LOG = List.of(
            "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"100.00\",\"timestamp\":\"2024-03-01T09:00:00Z\"}",
            "{\"type\":\"Withdrawal\",\"account\":\"ACC-2\",\"amount\":\"30\",\"timestamp\":\"2024-03-01T09:00:10Z\"}",
            "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"timestamp\":\"2024-03-01T09:00:15Z\"}", // no amount: flagged
            "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":\"5\",\"timestamp\":\"2024-03-01T09:00:20Z\"}",
            "{\"type\":\"AccountOpened\",\"account\":\"ACC-3\",\"timestamp\":\"2024-03-01T09:01:30Z\"}");

    @TempDir
    Path dir;
    private SessionViewModel session;
    private ReplayViewModel replay;

    private void givenTheLogIsLoaded() throws IOException {
        Path file = dir.resolve("ledger.jsonl");
        Files.write(file, LOG);
        run(() -> {
            var runner = new CurrentThreadTaskRunner();
            session = new SessionViewModel(runner, ProjectionSpecReader.banking());
            replay = new ReplayViewModel(session, runner, new TimeDisplay(ZoneOffset.UTC));
            session.open(file.toString());
        });
    }

    @AfterEach
    void close() {
        if (session != null) {
            run(session::dispose);
        }
    }

    @Test
    void afterLoadingTheCursorIsAtTheLastEventAndSaysWhenItHappened() throws IOException {
        givenTheLogIsLoaded();

        assertThat(call(replay::cursor)).isEqualTo(5);
        assertThat(call(() -> replay.whereProperty().get())).isEqualTo("#5 · 2024-03-01 09:01:30.000Z");
        assertThat(call(() -> replay.firstTimeProperty().get())).isEqualTo("2024-03-01 09:00Z");
        assertThat(call(() -> replay.lastTimeProperty().get())).isEqualTo("2024-03-01 09:01Z");
    }

    @Test
    void goToAPositionMovesTheCursorThere() throws IOException {
        givenTheLogIsLoaded();

        assertThat(call(() -> replay.goTo("3"))).isNull();
        assertThat(call(replay::cursor)).isEqualTo(3);
        assertThat(call(() -> replay.goTo(" #4 "))).isNull();
        assertThat(call(replay::cursor)).isEqualTo(4);
        assertThat(call(() -> replay.whereProperty().get())).isEqualTo("#4 · 2024-03-01 09:00:20.000Z");
    }

    @Test
    void goToATimeLandsOnTheLastEventAtOrBeforeIt() throws IOException {
        givenTheLogIsLoaded();

        assertThat(call(() -> replay.goTo("2024-03-01T09:00:12Z"))).isNull();
        assertThat(call(replay::cursor)).isEqualTo(2);
        assertThat(call(() -> replay.goTo("2024-03-01T09:00:20Z"))).isNull(); // at: included
        assertThat(call(replay::cursor)).isEqualTo(4);
        assertThat(call(() -> replay.goTo("2024-03-01T08:00:00Z"))).isNull(); // before everything
        assertThat(call(replay::cursor)).isZero();
        assertThat(call(() -> replay.whereProperty().get())).isEqualTo("#0 · before the first event");
    }

    @Test
    void textThatIsNeitherAPositionNorATimeGetsOneSentenceAndTheCursorStays() throws IOException {
        givenTheLogIsLoaded();
        run(() -> replay.moveTo(2));

        assertThat(call(() -> replay.goTo("yesterday")))
                .isEqualTo("\"yesterday\" is neither a position nor an ISO-8601 time like 2024-03-01T09:41:12Z.");
        assertThat(call(() -> replay.goTo("1,000"))).isEqualTo("Position 1,000 is beyond the end (5 positions).");
        assertThat(call(() -> replay.goTo("  "))).isEqualTo(
                "Type a position (e.g. 1200) or a time (e.g. 2024-03-01T09:41:12Z).");
        assertThat(call(replay::cursor)).isEqualTo(2);
    }

    @Test
    void steppingStopsAtBothEnds() throws IOException {
        givenTheLogIsLoaded();

        run(() -> replay.toStart());
        run(() -> replay.step(-1));
        assertThat(call(replay::cursor)).isZero();
        run(() -> replay.step(1));
        assertThat(call(replay::cursor)).isEqualTo(1);
        run(() -> replay.step(100));
        assertThat(call(replay::cursor)).isEqualTo(5);
        run(() -> replay.step(1));
        assertThat(call(replay::cursor)).isEqualTo(5);
        run(() -> replay.step(Integer.MIN_VALUE));
        assertThat(call(replay::cursor)).isZero();
    }

    @Test
    void goToSuggestsTheFirstCursorAndLastTimesInTheFormItAccepts() throws IOException {
        givenTheLogIsLoaded();
        run(() -> replay.moveTo(2));

        assertThat(call(() -> replay.goToSuggestions(""))).containsExactly("2024-03-01T09:00:00Z",
                "2024-03-01T09:00:10Z", "2024-03-01T09:01:30Z");
        assertThat(call(() -> replay.goToSuggestions("2024-03-01t09:01"))).containsExactly("2024-03-01T09:01:30Z");
        for (String s : call(() -> replay.goToSuggestions(""))) {
            assertThat(call(() -> replay.goTo(s))).isNull(); // every suggestion is something Go to accepts
        }
    }

    /** Violations at positions 3 and 4, looked up plainly (not with the list's binary search). */
    private static final int[] BROKEN = {3, 4};

    private void givenViolations() {
        replay.setViolations(
                p -> java.util.Arrays.stream(BROKEN).filter(v -> v > p).findFirst().orElse(-1),
                p -> java.util.Arrays.stream(BROKEN).filter(v -> v < p).reduce((a, b) -> b).orElse(-1));
    }

    @Test
    void playStopsRightAfterTheNextEventThatBreaksAnInvariant() throws IOException {
        givenTheLogIsLoaded();
        // one FX call: the real animation timer gets no pulse between these frames
        List<Integer> seen = call(() -> {
            givenViolations();
            replay.moveTo(0);
            replay.speedProperty().set(1_000);
            replay.playingProperty().set(true);
            replay.advance(1_000_000_000L);
            replay.advance(1_010_000_000L); // 10 ms at 1,000 ev/s: ten events, past both violations
            int first = replay.cursor();
            boolean stillPlaying = replay.playingProperty().get();
            replay.playingProperty().set(true);
            replay.advance(2_000_000_000L);
            replay.advance(2_010_000_000L);
            int second = replay.cursor();
            replay.playingProperty().set(false);
            return List.of(first, stillPlaying ? 1 : 0, second);
        });
        assertThat(seen).containsExactly(3, 0, 4);
    }

    @Test
    void withStopAtViolationsOffPlayRunsToTheEnd() throws IOException {
        givenTheLogIsLoaded();
        int end = call(() -> {
            givenViolations();
            replay.stopAtViolationsProperty().set(false);
            replay.moveTo(0);
            replay.speedProperty().set(1_000);
            replay.playingProperty().set(true);
            replay.advance(1_000_000_000L);
            replay.advance(1_010_000_000L);
            boolean stopped = !replay.playingProperty().get();
            replay.playingProperty().set(false);
            return stopped ? replay.cursor() : -1;
        });
        assertThat(end).isEqualTo(LOG.size());
    }

    @Test
    void nextAndPreviousViolationMoveTheCursorAndSayWhenThereIsNone() throws IOException {
        givenTheLogIsLoaded();
        run(() -> {
            givenViolations();
            replay.moveTo(0);
        });

        assertThat(call(replay::nextViolation)).isTrue();
        assertThat(call(replay::cursor)).isEqualTo(3);
        assertThat(call(replay::nextViolation)).isTrue();
        assertThat(call(replay::cursor)).isEqualTo(4);
        assertThat(call(replay::nextViolation)).isFalse();
        assertThat(call(replay::cursor)).isEqualTo(4);
        assertThat(call(replay::previousViolation)).isTrue();
        assertThat(call(replay::cursor)).isEqualTo(3);
        assertThat(call(replay::previousViolation)).isFalse();
        assertThat(call(replay::cursor)).isEqualTo(3);
    }
}
