package io.eventscope.audit.evidence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.ProjectionSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A streamed export's second read must see the first read's events up to the cut, and only those matter. */
class PrefixDigestTest {
    @TempDir
    Path dir;

    @Test
    void anEventChangedBeforeTheCutIsCaughtAndOneAfterItIsNot() throws Exception {
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            log.add("{\"type\":\"Deposit\",\"account\":\"A" + i % 4 + "\",\"amount\":\"" + i + "\","
                    + "\"timestamp\":\"2024-03-01T10:00:" + String.format("%02d", i) + "Z\"}");
        }
        PrefixDigest first = digest(log, PrefixDigest.toPosition(30));

        List<String> later = new ArrayList<>(log);
        later.set(40, later.get(40).replace("\"40\"", "\"41\""));
        later.add(later.get(0));
        assertThatCode(() -> digest(later, PrefixDigest.toPosition(30)).checkSameAs(first, "log"))
                .doesNotThrowAnyException();

        List<String> earlier = new ArrayList<>(log);
        earlier.set(29, earlier.get(29).replace("\"29\"", "\"28\""));
        assertThatThrownBy(() -> digest(earlier, PrefixDigest.toPosition(30)).checkSameAs(first, "log"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changed between the export's two reads");
        assertThatThrownBy(() -> digest(log.subList(0, 20), PrefixDigest.toPosition(30)).checkSameAs(first, "log"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimeCutDigestsUpToTheLastEventItTakesIn() throws Exception {
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            log.add("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"1\",\"timestamp\":\"2024-03-01T10:00:"
                    + String.format("%02d", i < 10 ? i : 59 - i) + "Z\"}");
        }
        // 10:00:45 takes in lines 1..10 and the late lines 15..20 (10:00:45 .. 10:00:40): it ends at position 20
        PrefixDigest byTime = digest(log, PrefixDigest.atTime(java.time.Instant.parse("2024-03-01T10:00:45Z")));
        assertThatCode(() -> digest(log, PrefixDigest.toPosition(20)).checkSameAs(byTime, "log"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> digest(log, PrefixDigest.toPosition(19)).checkSameAs(byTime, "log"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private PrefixDigest digest(List<String> log, PrefixDigest digest) throws Exception {
        Path file = Files.createTempFile(dir, "log", ".jsonl");
        Files.write(file, log);
        StreamingLoad.under(ProjectionSpecReader.banking()).burst(7).read(file.toString(), (timeline, spec) -> digest);
        return digest;
    }
}
