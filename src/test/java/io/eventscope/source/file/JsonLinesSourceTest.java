package io.eventscope.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.load.Sources;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSourceTest {
    @TempDir
    Path dir;

    private Timeline load(EventSource source) throws SourceException {
        Timeline t = new Timeline(source.displayName(), source.defaultEntity(), source.coordinateKind(),
                ProjectionSpecReader.banking().fieldMapping());
        source.load(new TimelineWriter(t), LoadWindow.ALL, LoadProgress.NONE, () -> false);
        return t;
    }

    @Test
    void everyLineIsAPositionWhateverTheLineEndings() throws Exception {
        Path f = dir.resolve("mixed.jsonl");
        Files.write(f, "{\"type\":\"A\"}\r\n\r\n{\"type\":\"B\"}\n{\"type\":\"C\"}".getBytes(StandardCharsets.UTF_8));
        Timeline t = load(Sources.open(f.toString()));
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.event(1).type()).isEqualTo("A");
        assertThat(t.event(2).flagged()).isTrue();
        assertThat(t.event(4).type()).isEqualTo("C");
        assertThat(t.event(4).coordinates().number()).isEqualTo(4);
        assertThat(t.defaultEntity()).isEqualTo("mixed");
    }

    @Test
    void linesLongerThanTheReadBufferSurviveIntact() throws Exception {
        String big = "x".repeat(3 << 20);
        Path f = dir.resolve("big.jsonl");
        String bigLine = "{\"type\":\"Note\",\"blob\":\"" + big + "\"}";
        Files.writeString(f, "{\"type\":\"Deposit\",\"amount\":1}\n" + bigLine + "\n{\"type\":\"Deposit\",\"amount\":2}\n");
        Timeline t = load(Sources.open(f.toString()));
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.event(2).payloadText()).isEqualTo(bigLine);
        assertThat(t.event(3).numbers().get("amount")).isEqualByComparingTo("2");
    }

    @Test
    void progressIsReportedWithCountsAndRate() throws Exception {
        Path f = dir.resolve("p.jsonl");
        Files.write(f, java.util.Collections.nCopies(1000, "{\"type\":\"Deposit\",\"amount\":1}"));
        List<io.eventscope.source.LoadStatus> seen = new ArrayList<>();
        EventSource s = Sources.open(f.toString());
        Timeline t = new Timeline("p", "p", s.coordinateKind(), ProjectionSpecReader.banking().fieldMapping());
        s.load(new TimelineWriter(t), LoadWindow.ALL, seen::add, () -> false);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1).loaded()).isEqualTo(1000);
        assertThat(seen.get(seen.size() - 1).fraction()).isEqualTo(1.0);
    }

    @Test
    void bundledSampleLoads() throws Exception {
        Timeline t = load(Sources.open(Sources.BUNDLED_SAMPLE));
        assertThat(t.size()).isEqualTo(20000);
    }

    @Test
    void missingFilesAndFoldersAreExplained() {
        assertThatThrownBy(() -> Sources.open(dir.resolve("none.jsonl").toString()))
                .isInstanceOf(SourceException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Sources.open(dir.toString()))
                .isInstanceOf(SourceException.class).hasMessageContaining("is a folder");
    }
}
