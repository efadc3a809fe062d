package io.eventscope.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The one loader: what it reads, where it stops, and that it stops cleanly. */
class TimelineLoadTest {
    private static final Path SAMPLE = Path.of("assets/samples/bank-demo.jsonl");
    private static final ProjectionSpec BANKING = ProjectionSpecReader.banking();

    @Test
    void theLoadedTimelineIsTheOneTheWriterBuildsFromTheSameFile() throws Exception {
        Timeline direct = new Timeline(SAMPLE.toString(), "bank-demo", CoordinateKind.LINE, BANKING.fieldMapping());
        try (EventSource source = Sources.open(SAMPLE.toString())) {
            TimelineWriter writer = new TimelineWriter(direct, Long.MAX_VALUE, false);
            source.load(writer, LoadWindow.ALL, LoadProgress.NONE, () -> false);
            writer.loadDone();
        }

        LoadedSource loaded = TimelineLoad.under(BANKING).read(SAMPLE.toString());

        assertThat(loaded.partial()).isFalse();
        assertThat(loaded.stoppedEarly()).isNull();
        assertThat(loaded.sourceName()).isEqualTo(SAMPLE.toString());
        assertSamePrefix(loaded.timeline(), direct, direct.size());
        assertThat(new ReplayEngine(loaded.timeline(), BANKING).stateAt(direct.size()).entities())
                .isEqualTo(ReplayEngine.foldFromZero(direct, BANKING, direct.size()).entities());
    }

    @Test
    void aLoadOverTheBudgetKeepsWhatItReadAndSaysSoInOneSentence() throws Exception {
        LoadedSource whole = TimelineLoad.under(BANKING).read(SAMPLE.toString());

        LoadedSource cut = TimelineLoad.under(BANKING).budgetBytes(2L << 20).read(SAMPLE.toString());

        int kept = cut.timeline().size();
        assertThat(cut.partial()).isTrue();
        assertThat(kept).isBetween(1, whole.timeline().size() - 1);
        assertSamePrefix(cut.timeline(), whole.timeline(), kept);
        assertThat(cut.stoppedEarly())
                .startsWith("Stopped loading " + SAMPLE + " after " + String.format(Locale.ROOT, "%,d", kept) + " events")
                .contains("the memory budget of 2 MiB is used up")
                .contains("--max-memory")
                .doesNotContain("\n");
    }

    @Test
    void theViewerGetsTheSameFactsWithItsOwnAdvice() throws Exception {
        LoadedSource cli = TimelineLoad.under(BANKING).budgetBytes(2L << 20).read(SAMPLE.toString());
        LoadedSource viewer = TimelineLoad.under(BANKING).budgetBytes(2L << 20).forViewer().read(SAMPLE.toString());

        String facts = cli.stoppedEarly().substring(0, cli.stoppedEarly().indexOf("used up.") + 8);
        assertThat(viewer.stoppedEarly()).startsWith(facts).contains("loaded so far are shown")
                .doesNotContain("--max-memory");
    }

    @Test
    void cancellingKeepsEveryEventReadBeforeIt() throws Exception {
        AtomicReference<LoadedSource> started = new AtomicReference<>();
        LoadedSource loaded = TimelineLoad.under(BANKING)
                .onStart(started::set)
                .progress(status -> {
                    if (status.loaded() >= 30) {
                        started.get().cancel();
                    }
                })
                .open(new Batches(100, 10));

        assertThat(loaded).isSameAs(started.get());
        assertThat(loaded.cancelled()).isTrue();
        assertThat(loaded.partial()).isFalse();
        assertThat(loaded.timeline().size()).isEqualTo(30);
        assertThat(new String(loaded.timeline().payloadAt(29), StandardCharsets.UTF_8)).endsWith(":30}");
    }

    @Test
    void aConnectionTestStopsAtTheFirstEvent() throws Exception {
        LoadedSource loaded = TimelineLoad.under(BANKING).untilFirstEvent(Duration.ofMinutes(1))
                .open(new Batches(100, 10));

        assertThat(loaded.timeline().size()).isEqualTo(10);
    }

    @Test
    void aMissingFileIsOneSentenceAndNoTimeline() {
        assertThatThrownBy(() -> TimelineLoad.under(BANKING).read("no/such/file.jsonl"))
                .isInstanceOf(SourceException.class).hasMessageContaining("no/such/file.jsonl");
    }

    private static void assertSamePrefix(Timeline actual, Timeline expected, int positions) {
        for (int i = 0; i < positions; i++) {
            assertThat(actual.payloadAt(i)).as("payload at #%d", i + 1).isEqualTo(expected.payloadAt(i));
            assertThat(actual.flagsAt(i)).as("flags at #%d", i + 1).isEqualTo(expected.flagsAt(i));
            assertThat(actual.coordinatesAt(i)).isEqualTo(expected.coordinatesAt(i));
            assertThat(actual.typeName(actual.typeIdAt(i))).isEqualTo(expected.typeName(expected.typeIdAt(i)));
            assertThat(actual.entityName(actual.entityIdAt(i))).isEqualTo(expected.entityName(expected.entityIdAt(i)));
            assertThat(actual.effectiveTimeAt(i)).isEqualTo(expected.effectiveTimeAt(i));
        }
    }

    /**
     * A source that appends {@code batches} batches of {@code perBatch} deposits of 1..N, reporting and
     * checking for cancel after each batch, as the real sources do between reads.
     */
    private record Batches(int batches, int perBatch) implements EventSource {
        @Override
        public String displayName() {
            return "batches";
        }

        @Override
        public String defaultEntity() {
            return "batches";
        }

        @Override
        public CoordinateKind coordinateKind() {
            return CoordinateKind.LINE;
        }

        @Override
        public void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled) {
            int n = 0;
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < perBatch; i++) {
                    byte[] line = ("{\"type\":\"Deposit\",\"amount\":" + ++n + "}").getBytes(StandardCharsets.UTF_8);
                    writer.appendLine(line, 0, line.length);
                }
                progress.update(new LoadStatus(n, (long) batches * perBatch, (double) n / (batches * perBatch), 0));
                if (cancelled.getAsBoolean()) {
                    return;
                }
            }
        }
    }
}
