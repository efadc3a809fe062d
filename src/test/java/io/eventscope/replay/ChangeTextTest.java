package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.Timeline;
import io.eventscope.testing.Timelines;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a change reads, in the projection's own field names, for the viewer and later for exports. */
class ChangeTextTest {
    @Test
    void everyStateFieldGetsALineAndUnchangedTextIsLeftOut() throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse("""
                {"name": "inventory", "fields": {"type": ["kind"], "entity": ["sku"]},
                 "state": {"stock": "decimal", "reserved": "decimal", "location": "text"},
                 "rules": [
                   {"types": ["Received"], "apply": [{"op": "add", "field": "qty", "to": "stock"},
                                                     {"op": "set", "field": "bin", "to": "location"}]},
                   {"types": ["Shipped"], "apply": [{"op": "subtract", "field": "qty", "to": "stock"}]},
                   {"types": ["Reserved"], "apply": [{"op": "add", "field": "qty", "to": "reserved"}]}]}
                """, "inventory.json");
        Timeline t = Timelines.of(spec, "store", List.of(
                "{\"kind\":\"Received\",\"sku\":\"S1\",\"qty\":1200,\"bin\":\"A3\"}",
                "{\"kind\":\"Shipped\",\"sku\":\"S1\",\"qty\":\"200.5\"}",
                "{\"kind\":\"Shipped\",\"sku\":\"S1\"}"));
        ReplayEngine engine = new ReplayEngine(t, spec);

        assertThat(ChangeText.of(engine.changeAt(1))).isEqualTo(
                "S1 stock: 0 → 1,200\nS1 reserved: 0 → 0  (no effect)\nS1 location: — → A3");
        assertThat(ChangeText.of(engine.changeAt(2))).isEqualTo(
                "S1 stock: 1,200 → 999.5\nS1 reserved: 0 → 0  (no effect)");
        assertThat(ChangeText.of(engine.changeAt(3))).isEqualTo(
                "Not applied: replay skips flagged events (S1 unchanged).");
    }

    @Test
    void aFieldNameBecomesAHeading() {
        assertThat(ChangeText.label("balance")).isEqualTo("Balance");
        assertThat(ChangeText.label("qty")).isEqualTo("Qty");
        assertThat(ChangeText.label(null)).isEmpty();
    }
}
