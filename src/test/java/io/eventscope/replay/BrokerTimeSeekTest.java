package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Go to… on the broker's clock: the end of the longest run of events from the first whose broker times are
 * all at or before the instant, even where broker times step back (merged partitions, a resend).
 */
class BrokerTimeSeekTest {
    private static final ProjectionSpec BANKING = ProjectionSpecReader.banking();

    /** Broker times (seconds after 10:00) in stream order; the payloads' own times are a year earlier. */
    private static Timeline stream(long... brokerSeconds) {
        Timeline t = new Timeline("s", "s", CoordinateKind.SEQUENCE, BANKING.fieldMapping());
        TimelineWriter w = new TimelineWriter(t);
        for (long s : brokerSeconds) {
            append(w, t, s);
        }
        return t;
    }

    /** Appends one deposit stamped {@code brokerSeconds} after 10:00 (none when negative). */
    private static void append(TimelineWriter w, Timeline t, long brokerSeconds) {
        int i = t.size();
        byte[] b = ("{\"type\":\"Deposit\",\"account\":\"a\",\"amount\":\"1\",\"timestamp\":\"2023-03-01T10:00:0" + i
                + "Z\"}").getBytes(StandardCharsets.UTF_8);
        long broker = brokerSeconds < 0 ? EventTimes.NONE : EventTimes.toNanos(at(brokerSeconds));
        w.append(b, 0, b.length, null, i + 1, broker, Map.of(), List.of());
    }

    private static Instant at(long seconds) {
        return Instant.parse("2024-03-01T10:00:00Z").plusSeconds(seconds);
    }

    @Test
    void growingBrokerTimesLandOnTheLastEventAtOrBefore() {
        ReplayEngine engine = new ReplayEngine(stream(0, 10, 20, 30), BANKING);
        assertThat(engine.positionAtBrokerTime(at(-1))).isZero();
        assertThat(engine.positionAtBrokerTime(at(0))).isEqualTo(1);
        assertThat(engine.positionAtBrokerTime(at(25))).isEqualTo(3);
        assertThat(engine.positionAtBrokerTime(at(99))).isEqualTo(4);
        // the payloads' clock is a year behind: on it, every event is before the same instant
        assertThat(engine.positionAtTime(at(-1))).isEqualTo(4);
    }

    @Test
    void anEventStampedEarlierThanTheOneBeforeItDoesNotEndTheRunEarly() {
        // position 3 was stamped at 5 s (a resend, or a partition behind the others)
        ReplayEngine engine = new ReplayEngine(stream(0, 10, 5, 20, 30), BANKING);
        assertThat(engine.positionAtBrokerTime(at(7))).isEqualTo(1); // 10 s at position 2 ends the run
        assertThat(engine.positionAtBrokerTime(at(10))).isEqualTo(3);
        assertThat(engine.positionAtBrokerTime(at(29))).isEqualTo(4);
    }

    @Test
    void anEventWithoutBrokerTimeCountsWithTheEventBeforeIt() {
        ReplayEngine engine = new ReplayEngine(stream(0, 10, -1, 20), BANKING);
        assertThat(engine.positionAtBrokerTime(at(10))).isEqualTo(3);
        assertThat(engine.positionAtBrokerTime(at(9))).isEqualTo(1);
    }

    @Test
    void theIndexFollowsATimelineThatGrows() {
        Timeline t = new Timeline("s", "s", CoordinateKind.SEQUENCE, BANKING.fieldMapping());
        TimelineWriter w = new TimelineWriter(t);
        append(w, t, 0);
        append(w, t, 10);
        ReplayEngine engine = new ReplayEngine(t, BANKING);
        assertThat(engine.positionAtBrokerTime(at(50))).isEqualTo(2);
        append(w, t, 40); // a live tail brought one more
        assertThat(engine.positionAtBrokerTime(at(50))).isEqualTo(3);
        assertThat(engine.positionAtBrokerTime(at(39))).isEqualTo(2);
    }
}
