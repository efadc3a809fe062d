package io.eventscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.EventSource;
import io.eventscope.source.SourceSize;
import io.eventscope.testing.SampleLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a source says of its size before a load, and whether the budget clearly cannot hold it. */
class LoadForecastTest {
    private static final String SAMPLE = SampleLines.FILE.toString();
    private static final int LINES = SampleLines.lines().size();

    @TempDir
    Path dir;

    private static int keptByAWholeLoad(long budget) throws Exception {
        try (LoadedSource loaded = TimelineLoad.under(ProjectionSpecReader.banking()).oneDecodingThread()
                .budgetBytes(budget).open(SAMPLE)) {
            return loaded.timeline().size();
        }
    }

    @Test
    void aSmallFileIsCountedExactly() throws Exception {
        Path file = Files.write(dir.resolve("small.jsonl"), List.of("{\"type\":\"Deposit\",\"amount\":1}", "", "not json"));
        try (EventSource source = Sources.open(file.toString())) {
            SourceSize size = source.sizeUpFront();
            assertThat(size.positions()).isEqualTo(3);
            assertThat(size.estimated()).isFalse();
            assertThat(size.bytes()).isEqualTo(Files.size(file) - 3); // the line ends are not payload
        }
    }

    @Test
    void aLargerFilesLinesAreEstimatedFromItsFirstMebibyte() throws Exception {
        assertThat(Files.size(SampleLines.FILE)).isGreaterThan(1 << 20);
        try (EventSource source = Sources.open(SAMPLE)) {
            SourceSize size = source.sizeUpFront();
            assertThat(size.estimated()).isTrue();
            assertThat(size.positions()).isBetween(LINES * 95L / 100, LINES * 105L / 100);
        }
    }

    @Test
    void theBundledSampleCannotTellItsSize() throws Exception {
        try (EventSource source = Sources.open(Sources.BUNDLED_SAMPLE)) {
            assertThat(source.sizeUpFront()).isNull();
        }
        assertThat(LoadForecast.of(Sources.BUNDLED_SAMPLE, null, ProjectionSpecReader.banking(), 2L << 20)).isNull();
    }

    @Test
    void aBudgetFarTooSmallIsClearlyTooLargeWithTheExactCountAndAFitCloseToWhatALoadKeeps() throws Exception {
        long budget = 2L << 20;
        LoadForecast f = LoadForecast.of(SAMPLE, null, ProjectionSpecReader.banking(), budget);

        assertThat(f.clearlyTooLarge()).isTrue();
        assertThat(f.total()).as("counted once clearly too large").isEqualTo(LINES);
        int kept = keptByAWholeLoad(budget);
        // Close either way: the offer asks for three quarters of it, and a whole load's keep varies with how its
        // columns grew (a load too large for the budget is not presized, so it keeps a little more than forecast).
        assertThat(f.fits()).as("within a tenth below, a fifth above").isBetween(kept * 9L / 10, kept * 6L / 5);
    }

    @Test
    void aBudgetThatHoldsEverythingFitsEverything() throws Exception {
        LoadForecast f = LoadForecast.of(SAMPLE, null, ProjectionSpecReader.banking(), 64L << 20);

        assertThat(f.clearlyTooLarge()).isFalse();
        assertThat(f.fits()).isEqualTo(f.total());
        assertThat(keptByAWholeLoad(64L << 20)).isEqualTo(LINES);
    }
}
