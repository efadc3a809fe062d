package io.eventscope.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.Timeline;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fault tests' log: event {@code i} (1-based) deposits {@code i} into account {@code A-(i % 7)}, so
 * every balance at every cut has a closed form computed here, independently of the replay engine; and
 * stream sequence {@code i} is event {@code i}, so a gap or a duplicate shows as a wrong sequence.
 */
public final class DepositLedger {
    public static final int ACCOUNTS = 7;

    private DepositLedger() {
    }

    public static String line(int i) {
        return "{\"type\":\"Deposit\",\"account\":\"A-" + (i % ACCOUNTS) + "\",\"amount\":" + i + "}";
    }

    /** Lines {@code from..to} inclusive. */
    public static List<String> lines(int from, int to) {
        List<String> out = new ArrayList<>(to - from + 1);
        for (int i = from; i <= to; i++) {
            out.add(line(i));
        }
        return out;
    }

    /** Balances after the first {@code cut} events, from the arithmetic alone. */
    public static Map<String, BigDecimal> expectedAt(int cut) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (int i = 1; i <= cut; i++) {
            out.merge("A-" + (i % ACCOUNTS), BigDecimal.valueOf(i), BigDecimal::add);
        }
        return out;
    }

    /**
     * The timeline holds exactly sequences 1..events, each once, in order, and the replay's balances at
     * several cuts equal the arithmetic. Throws with the first wrong position.
     */
    public static void assertExact(Timeline t, int events) {
        assertThat(t.size()).as("events in the timeline").isEqualTo(events);
        for (int i = 0; i < events; i++) {
            long seq = t.coordinatesAt(i).number();
            if (seq != i + 1L) {
                throw new AssertionError("position " + (i + 1) + " holds sequence " + seq
                        + (seq <= i ? " (a duplicate)" : " (a gap)"));
            }
        }
        ReplayEngine engine = new ReplayEngine(t, ProjectionSpecReader.banking());
        for (int cut : new int[] {1, events / 3, events / 2, events - 1, events}) {
            if (cut < 1) {
                continue;
            }
            Map<String, BigDecimal> shown = new TreeMap<>();
            for (EntityState e : engine.stateAt(cut).entities()) {
                shown.put(e.entity(), e.decimal("balance"));
            }
            Map<String, BigDecimal> expected = expectedAt(cut);
            assertThat(shown.keySet()).as("accounts at cut " + cut).isEqualTo(expected.keySet());
            expected.forEach((account, sum) ->
                    assertThat(shown.get(account)).as(account + " at cut " + cut).isEqualByComparingTo(sum));
        }
    }
}
