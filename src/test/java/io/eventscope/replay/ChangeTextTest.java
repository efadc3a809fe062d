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

    @Test
    void theDetailTableListsEveryFieldBeforeAndAfterUnchangedOnesToo() throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse("""
                {"name": "bank", "fields": {"type": ["type"], "entity": ["account"]},
                 "state": {"balance": "decimal", "deposited": "decimal", "status": "text"},
                 "rules": [
                   {"types": ["Opened"], "apply": [{"op": "set", "field": "state", "to": "status"}]},
                   {"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"},
                                                    {"op": "add", "field": "amount", "to": "deposited"}]}]}
                """, "bank.json");
        Timeline t = Timelines.of(spec, "bank", List.of(
                "{\"type\":\"Opened\",\"account\":\"A\",\"state\":\"open\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":\"123456789012345678.5\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\"}"));
        ReplayEngine engine = new ReplayEngine(t, spec);

        assertThat(ChangeText.fields(engine.changeAt(1))).containsExactly(
                new ChangeText.FieldChange("balance", "0", "0", false),
                new ChangeText.FieldChange("deposited", "0", "0", false),
                new ChangeText.FieldChange("status", "—", "open", true));
        assertThat(ChangeText.fields(engine.changeAt(2))).containsExactly(
                new ChangeText.FieldChange("balance", "0", "123,456,789,012,345,678.5", true),
                new ChangeText.FieldChange("deposited", "0", "123,456,789,012,345,678.5", true),
                new ChangeText.FieldChange("status", "open", "open", false));
        assertThat(ChangeText.fields(engine.changeAt(3))).isEmpty(); // flagged: not applied
    }
}
