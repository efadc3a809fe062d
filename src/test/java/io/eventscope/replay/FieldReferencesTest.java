package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.testing.Timelines;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON Pointers, headers and alternatives read what a user of real event shapes expects. */
class FieldReferencesTest {

    @Test
    void aCloudEventsBankingLogIsReadByTheDefaultProjection() {
        Timeline t = Timelines.banking("ce", List.of(
                "{\"specversion\":\"1.0\",\"type\":\"Deposit\",\"time\":\"2024-03-01T10:00:00Z\",\"subject\":\"S-1\","
                        + "\"data\":{\"account\":\"ACC-1\",\"amount\":\"100.10\"}}",
                "{\"specversion\":\"1.0\",\"type\":\"Withdrawal\",\"subject\":\"ACC-1\",\"data\":{\"amount\":0.1}}",
                "{\"specversion\":\"1.0\",\"type\":\"Deposit\",\"subject\":\"ACC-2\",\"data\":{\"amount\":{\"v\":1}}}",
                "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":5}"));
        ReplayState s = ReplayEngine.foldFromZero(t, ProjectionSpecReader.banking(), 4);

        assertThat(s.entity("ACC-1").decimal("balance")).isEqualByComparingTo("100.00");
        assertThat(s.entity("ACC-2").decimal("balance")).isEqualByComparingTo("5");
        assertThat(t.flagsAt(2)).extracting(f -> f.kind()).containsExactly(FlagKind.NON_NUMERIC);
        assertThat(t.entityName(t.entityIdAt(0))).isEqualTo("ACC-1"); // data.account beats subject
    }

    @Test
    void pointersUnescapeFollowArraysAndTheFirstPresentAlternativeWins() throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse("""
                {"fields": {"type": ["/meta/event~1type", "kind"], "entity": "/payload/ids/1",
                            "qty": ["/payload/a~0b", "/payload/qty", "qty"]},
                 "state": {"stock": "decimal"},
                 "rules": [{"types": ["In"], "apply": [{"op": "add", "field": "qty", "to": "stock"}]}]}
                """, "p.json");
        Timeline t = Timelines.of(spec, "x", List.of(
                "{\"meta\":{\"event/type\":\"In\"},\"payload\":{\"ids\":[\"no\",\"S1\"],\"a~b\":2,\"qty\":40}}",
                "{\"kind\":\"In\",\"payload\":{\"ids\":[\"no\",\"S1\"],\"qty\":3},\"qty\":100}",
                "{\"kind\":\"In\",\"payload\":{\"ids\":[\"no\",\"S1\"]},\"qty\":\"0.5\"}",
                "{\"kind\":\"In\",\"payload\":{\"ids\":[\"no\",\"S1\"],\"a~b\":null,\"qty\":7}}"));
        ReplayState s = ReplayEngine.foldFromZero(t, spec, 4);

        assertThat(t.flaggedCount()).isZero();
        assertThat(s.entity("S1").decimal("stock")).isEqualByComparingTo(new BigDecimal("12.5"));
    }

    @Test
    void headersAreReadAsCloudEventsBinaryModeSendsThem() {
        ProjectionSpec spec = ProjectionSpecReader.bundled().get(1);
        Timeline t = new Timeline("s", "s", CoordinateKind.SEQUENCE, spec.fieldMapping());
        TimelineWriter w = new TimelineWriter(t);
        append(w, 1, "{\"amount\":12.5}", Map.of("ce-type", List.of("Deposit"), "CE-Subject", List.of("ACC-7"),
                "ce-time", List.of("2024-03-01T10:00:00Z")));
        append(w, 2, "{\"amount\":2.5}", Map.of("ce-type", List.of("Withdrawal"), "ce-subject", List.of("ACC-7")));
        ReplayState s = ReplayEngine.foldFromZero(t, spec, 0);
        assertThat(t.flaggedCount()).isEqualTo(2); // cloudevents reads amount from /data/amount: none here

        ProjectionSpec flat = ProjectionSpecReader.banking();
        Timeline u = new Timeline("s", "s", CoordinateKind.SEQUENCE, withHeaderType(flat).fieldMapping());
        TimelineWriter wu = new TimelineWriter(u);
        append(wu, 1, "{\"amount\":12.5}", Map.of("ce-type", List.of("Deposit"), "ce-subject", List.of("ACC-7")));
        append(wu, 2, "{\"amount\":2.5}", Map.of("ce-type", List.of("Withdrawal"), "ce-subject", List.of("ACC-7")));
        assertThat(u.flaggedCount()).isZero();
        assertThat(ReplayEngine.foldFromZero(u, withHeaderType(flat), 2).entity("ACC-7").decimal("balance"))
                .isEqualByComparingTo("10.0");
        assertThat(s.position()).isZero();
    }

    private static ProjectionSpec withHeaderType(ProjectionSpec s) {
        return new ProjectionSpec(s.name(), s.description(), List.of("type", "header:ce-type"),
                List.of("account", "header:ce-subject"), s.timeFields(), s.payloadFields(), s.state(), s.rules(),
                s.invariants());
    }

    private static void append(TimelineWriter w, long seq, String json, Map<String, List<String>> headers) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        w.append(b, 0, b.length, null, seq, io.eventscope.event.EventTimes.NONE, new java.util.LinkedHashMap<>(headers),
                List.of());
    }
}
