package io.eventscope.audit.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.TimelineWriter;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack's events written in the one read of its source: what is left on disk when that read fails half-way. */
class PackEventsTest {
    @TempDir
    Path tmp;

    /** A stream that gives {@code before} events, checks what the pack folder holds by then, and fails. */
    private static final class FailingHalfWay implements EventSource {
        private final Path pack;
        private final int before;
        final List<String> seenMidRead = new ArrayList<>();

        FailingHalfWay(Path pack, int before) {
            this.pack = pack;
            this.before = before;
        }

        public String displayName() {
            return "failing";
        }

        public String defaultEntity() {
            return "failing";
        }

        public CoordinateKind coordinateKind() {
            return CoordinateKind.SEQUENCE;
        }

        public void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled)
                throws SourceException {
            for (int i = 1; i <= before; i++) {
                byte[] b = ("{\"type\": \"Deposit\", \"account\": \"acc-" + i % 7 + "\", \"amount\": \"" + i + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                writer.append(b, 0, b.length, null, i, 0, Map.of(), List.of());
            }
            try (Stream<Path> files = Files.list(pack)) {
                files.forEach(f -> seenMidRead.add(f.getFileName().toString()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            throw new SourceException("The connection to failing was lost.");
        }
    }

    @Test
    void aReadThatFailsHalfWayLeavesAFolderItMadeGoneAndAnEmptyOneEmpty() throws Exception {
        for (boolean existed : new boolean[] {false, true}) {
            Path pack = tmp.resolve("pack-" + existed);
            if (existed) {
                Files.createDirectory(pack);
            }
            FailingHalfWay source = new FailingHalfWay(pack, 5000);
            assertThatThrownBy(() -> {
                try (PackEvents events = PackEvents.upTo(pack, List.of(1, 10), Masks.none(), null, null)) {
                    StreamingLoad.under(ProjectionSpecReader.banking()).burst(64).read(source, events);
                }
            }).isInstanceOf(SourceException.class);
            // mid-read the folder held events.jsonl and the chart's spool; afterwards, neither is left
            assertThat(source.seenMidRead).contains("events.jsonl").anyMatch(f -> f.startsWith(".chart-"));
            if (existed) {
                try (Stream<Path> left = Files.list(pack)) {
                    assertThat(left.toList()).as("the folder the user made").isEmpty();
                }
            } else {
                assertThat(pack).as("the folder export made").doesNotExist();
            }
        }
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedBeforeAnythingIsWrittenAndKeepsWhatItHeld() throws Exception {
        Path pack = Files.createDirectory(tmp.resolve("pack"));
        Files.writeString(pack.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> PackEvents.upTo(pack, List.of(), Masks.none(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not empty");
        try (Stream<Path> left = Files.list(pack)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("notes.txt");
        }
    }
}
