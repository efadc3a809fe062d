package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void aFullTimelineStopsAtABudgetAndKeepsWhatItHas() {
        Timeline t = new Timeline("big", "big", CoordinateKind.LINE, ProjectionSpecReader.banking().fieldMapping());
        TimelineWriter writer = new TimelineWriter(t, 4L << 20);
        byte[] line = ("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1,\"note\":\"" + "x".repeat(200) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        TimelineFullException full = catchThrowableOfType(TimelineFullException.class, () -> {
            for (int i = 0; i < 1_000_000; i++) {
                writer.appendLine(line, 0, line.length);
            }
        });
        assertThat(full).isNotNull();
        assertThat(full.loaded()).isEqualTo(t.size()).isGreaterThan(1000);
        assertThat(t.columnBytes() + t.payloadBytes()).isLessThanOrEqualTo(4L << 20);
        // What was loaded is whole and replayable.
        assertThat(t.event(t.size()).numbers().get("amount")).isEqualByComparingTo("1");
        assertThat(new ReplayEngine(t, ProjectionSpecReader.banking()).stateAt(t.size()).entity("A").decimal("balance"))
                .isEqualByComparingTo(String.valueOf(t.size()));
    }

    @Test
    void trimmingAfterALoadKeepsEveryEventAndAllowsMoreAppends() {
        Timeline t = new Timeline("t", "t", CoordinateKind.SEQUENCE, ProjectionSpecReader.banking().fieldMapping());
        TimelineWriter writer = new TimelineWriter(t);
        byte[] line = "{\"type\":\"Deposit\",\"amount\":\"0.01\"}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5000; i++) {
            writer.append(line, 0, line.length, "p", i + 1, EventTimes.NONE, java.util.Map.of("h", java.util.List.of("v")),
                    java.util.List.of());
        }
        long before = t.columnBytes();
        writer.loadDone();
        assertThat(t.columnBytes()).isLessThan(before);
        writer.append(line, 0, line.length, "p", 5001, EventTimes.NONE, java.util.Map.of(), java.util.List.of());
        assertThat(t.size()).isEqualTo(5001);
        assertThat(t.event(5000).headers()).containsEntry("h", "v");
        assertThat(t.event(5001).coordinates().number()).isEqualTo(5001);
        assertThat(new ReplayEngine(t, ProjectionSpecReader.banking()).stateAt(5001).entity("t").decimal("balance"))
                .isEqualByComparingTo("50.01");
    }

    @Test
    void sizesParseLikeJvmOptions() {
        assertThat(MemoryBudget.parse("512m")).isEqualTo(512L << 20);
        assertThat(MemoryBudget.parse("2G")).isEqualTo(2L << 30);
        assertThat(MemoryBudget.parse("1024")).isEqualTo(1024);
        assertThatThrownBy(() -> MemoryBudget.parse("lots")).hasMessageContaining("not a memory size");
    }
}
