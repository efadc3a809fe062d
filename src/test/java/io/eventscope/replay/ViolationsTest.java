package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Violations come from the fold itself: in position order, growing with a live timeline, and seeks agree. */
class ViolationsTest {
    private static final String SPEC = """
            {"fields": {"type": "type", "entity": "account"},
             "state": {"balance": "decimal", "status": "text"},
             "rules": [
               {"types": ["Opened"], "apply": [{"op": "set", "value": "open", "to": "status"}]},
               {"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance",
                                                 "when": "status == 'open'"}]},
               {"types": ["Withdrawal"], "apply": [{"op": "subtract", "field": "amount", "to": "balance"}]},
               {"types": ["Closed"], "when": "balance == 0", "apply": [{"op": "set", "value": "closed", "to": "status"}]}],
             "invariants": [{"name": "no-overdraft", "check": "balance >= 0"}]}
            """;

    @Test
    void violationsFollowTheFoldAsTheTimelineGrows() throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse(SPEC, "acct.json");
        Timeline t = new Timeline("live", "live", CoordinateKind.SEQUENCE, spec.fieldMapping());
        TimelineWriter w = new TimelineWriter(t);
        append(w, "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":5}");   // not open yet: no effect
        append(w, "{\"type\":\"Opened\",\"account\":\"A\"}");
        append(w, "{\"type\":\"Withdrawal\",\"account\":\"A\",\"amount\":1}"); // -1: violation at 3
        ReplayEngine engine = new ReplayEngine(t, spec);

        assertThat(engine.violations()).singleElement().satisfies(v -> {
            assertThat(v.position()).isEqualTo(3);
            assertThat(v.entity()).isEqualTo("A");
            assertThat(v.invariant()).isEqualTo("no-overdraft");
            assertThat(v.values()).containsEntry("balance", "-1");
        });
        append(w, "{\"type\":\"Closed\",\"account\":\"A\"}");                  // balance -1: not closed, violation
        append(w, "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}");
        append(w, "{\"type\":\"Closed\",\"account\":\"A\"}");

        assertThat(engine.violationPositions()).containsExactly(3, 4);
        EntityState a = engine.stateAt(6).entity("A");
        assertThat(a.text("status")).isEqualTo("closed");
        assertThat(a.decimal("balance")).isZero();
        assertThat(engine.stateAt(4).entity("A").text("status")).isEqualTo("open");
    }

    @Test
    void aWalkOfChangesSaysWhatChangeAtSays() throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse(SPEC, "acct.json");
        Timeline t = new Timeline("f", "f", CoordinateKind.SEQUENCE, spec.fieldMapping());
        TimelineWriter w = new TimelineWriter(t);
        for (String line : List.of("{\"type\":\"Opened\",\"account\":\"A\"}", "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":2}",
                "{\"type\":\"Deposit\",\"account\":\"B\",\"amount\":2}", "{\"type\":\"Withdrawal\",\"account\":\"A\"}",
                "{\"type\":\"Withdrawal\",\"account\":\"A\",\"amount\":2}", "{\"type\":\"Closed\",\"account\":\"A\"}")) {
            append(w, line);
        }
        ReplayEngine engine = new ReplayEngine(t, spec, 2);
        ChangeWalk walk = engine.changesFrom(2);
        for (int p = 2; p <= t.size(); p++) {
            assertThat(walk.next()).as("position " + p).isEqualTo(engine.changeAt(p));
        }
    }

    private static void append(TimelineWriter w, String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        w.append(b, 0, b.length, null, w.appended() + 1, io.eventscope.event.EventTimes.NONE, java.util.Map.of(), List.of());
    }
}
