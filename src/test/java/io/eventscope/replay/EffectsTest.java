package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.Timeline;
import io.eventscope.testing.Timelines;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one event does to the primary field, as the table colours it and the chart folds it. */
class EffectsTest {
    private static final String INVENTORY = """
            {"name": "inventory",
             "fields": {"type": ["kind"], "entity": ["sku"]},
             "state": {"stock": "decimal", "location": "text", "reserved": "decimal"},
             "rules": [
               {"types": ["Received"], "apply": [{"op": "add", "field": "qty", "to": "stock"},
                                                 {"op": "set", "field": "bin", "to": "location"}]},
               {"types": ["Shipped"], "apply": [{"op": "subtract", "field": "qty", "to": "stock"}]},
               {"types": ["Counted"], "apply": [{"op": "set", "field": "counted", "to": "stock"}]},
               {"types": ["Reserved"], "apply": [{"op": "add", "field": "qty", "to": "reserved"}]}
             ]}
            """;

    @Test
    void bankingCreditsRaiseDebitsLowerAndFlaggedOrOtherEventsDoNeither() {
        Timeline t = Timelines.banking("x", List.of(
                "{\"type\":\"Deposit\",\"amount\":\"100.50\"}",
                "{\"type\":\"Withdrawal\",\"amount\":30}",
                "{\"type\":\"Adjustment\",\"amount\":-2}",
                "{\"type\":\"Withdrawal\",\"amount\":\"lots\"}",
                "{\"type\":\"StatementIssued\",\"amount\":7}"));
        Effects effects = new ReplayEngine(t, ProjectionSpecReader.banking()).effects();

        assertThat(effects.field()).isEqualTo("balance");
        assertThat(effects.operandField()).isEqualTo("amount");
        assertThat(List.of(effects.direction(0), effects.direction(1), effects.direction(2), effects.direction(3),
                effects.direction(4))).containsExactly(1, -1, -1, 0, 0);
        assertThat(effects.operand(0)).isEqualTo(new BigDecimal("100.50"));
        assertThat(effects.operand(3)).isNull(); // not a number: flagged, shown empty
        assertThat(effects.operand(4)).isEqualByComparingTo("7"); // shown, though it changes nothing
        assertThat(effects.apply(new BigDecimal("10"), 1)).isEqualByComparingTo("-20");
        assertThat(effects.apply(new BigDecimal("10"), 3)).isEqualByComparingTo("10");
        assertThat(effects.apply(new BigDecimal("10"), 4)).isEqualByComparingTo("10");
    }

    @Test
    void anotherProjectionNamesItsOwnFieldsAndASetIsNeitherCreditNorDebit() throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse(INVENTORY, "inventory.json");
        Timeline t = Timelines.of(spec, "store", List.of(
                "{\"kind\":\"Received\",\"sku\":\"S1\",\"qty\":12,\"bin\":\"A3\"}",
                "{\"kind\":\"Shipped\",\"sku\":\"S1\",\"qty\":5}",
                "{\"kind\":\"Counted\",\"sku\":\"S1\",\"counted\":6}",
                "{\"kind\":\"Reserved\",\"sku\":\"S1\",\"qty\":2}"));
        Effects effects = new ReplayEngine(t, spec).effects();

        assertThat(effects.field()).isEqualTo("stock");
        assertThat(effects.operandField()).isEqualTo("qty");
        assertThat(List.of(effects.direction(0), effects.direction(1), effects.direction(2), effects.direction(3)))
                .containsExactly(1, -1, 0, 0);
        assertThat(effects.apply(new BigDecimal("100"), 2)).isEqualByComparingTo("6");
        assertThat(effects.apply(new BigDecimal("100"), 3)).isEqualByComparingTo("100"); // moves "reserved" only
    }

    private static final String GUARDED = """
            {"fields": {"type": "type", "entity": "account"},
             "state": {"balance": "decimal", "status": "text"},
             "rules": [
               {"types": ["Opened"], "apply": [{"op": "set", "value": "open", "to": "status"}]},
               {"types": ["Frozen"], "apply": [{"op": "set", "value": "frozen", "to": "status"}]},
               {"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance",
                                                 "when": "status == 'open'"}]},
               {"types": ["Withdrawal"], "when": "status != 'frozen'",
                "apply": [{"op": "subtract", "field": "amount", "to": "balance"}]}]}
            """;

    @Test
    void aConditionOnATextFieldColoursTheRowAsTheReplayDecidesIt() throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse(GUARDED, "guarded.json");
        java.util.ArrayList<String> lines = new java.util.ArrayList<>(List.of(
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":5}", // 0: A not open yet: no effect
                "{\"type\":\"Opened\",\"account\":\"A\"}",
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":5}", // 2: credit
                "{\"type\":\"Deposit\",\"account\":\"B\",\"amount\":5}")); // 3: B never opened
        for (int k = 0; k < 50; k++) { // other entities' events: several checkpoints lie between A's events
            lines.add("{\"type\":\"Opened\",\"account\":\"C" + k + "\"}");
        }
        lines.add("{\"type\":\"Withdrawal\",\"account\":\"A\",\"amount\":1}"); // 54: debit
        lines.add("{\"type\":\"Frozen\",\"account\":\"A\"}");
        lines.add("{\"type\":\"Withdrawal\",\"account\":\"A\",\"amount\":1}"); // 56: frozen: nothing
        lines.add("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":1}"); // 57: not open: nothing
        lines.add("{\"type\":\"Withdrawal\",\"account\":\"B\",\"amount\":1}"); // 58: B not frozen: debit
        Timeline t = Timelines.of(spec, "acct", lines);

        for (ReplayEngine engine : List.of(new ReplayEngine(t, spec), new ReplayEngine(t, spec, 4))) {
            Effects effects = engine.effects();
            // rows read out of order, as a scrolled table reads them
            assertThat(List.of(effects.direction(57), effects.direction(2), effects.direction(0),
                    effects.direction(56), effects.direction(3), effects.direction(54), effects.direction(58)))
                    .containsExactly(0, 1, 0, 0, 0, -1, -1);
        }
    }

    @Test
    void theSpecNamesThePrimaryFieldAndItsOperand() throws Exception {
        ProjectionSpec inventory = ProjectionSpecReader.parse(INVENTORY, "inventory.json");
        assertThat(inventory.primaryField()).isEqualTo("stock");
        assertThat(inventory.primaryOperandField()).isEqualTo("qty");
        assertThat(ProjectionSpecReader.banking().primaryField()).isEqualTo("balance");
        assertThat(ProjectionSpecReader.banking().primaryOperandField()).isEqualTo("amount");
    }

    @Test
    void anyDecimalFieldCanBeFoldedPerEntityAndEqualsTheReplaysOwnState() throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse(INVENTORY, "inventory.json");
        List<String> lines = List.of(
                "{\"kind\":\"Received\",\"sku\":\"S1\",\"qty\":12,\"bin\":\"A3\"}",
                "{\"kind\":\"Reserved\",\"sku\":\"S2\",\"qty\":\"0.1\"}",
                "{\"kind\":\"Reserved\",\"sku\":\"S1\",\"qty\":\"0.2\"}",
                "{\"kind\":\"Reserved\",\"sku\":\"S2\",\"qty\":\"nope\"}",
                "{\"kind\":\"Reserved\",\"sku\":\"S2\",\"qty\":\"0.2\"}");
        Timeline t = Timelines.of(spec, "store", lines);
        ReplayEngine engine = new ReplayEngine(t, spec);
        Effects reserved = engine.effects().forField("reserved");

        assertThat(engine.effects().decimalFields()).containsExactly("stock", "reserved");
        assertThat(engine.effects().forField("location")).isNull(); // a text field is not charted
        assertThat(reserved.field()).isEqualTo("reserved");
        // rows: 0 = S1, 1 = S2; folded independently, flagged position 4 skipped
        BigDecimal[] after = new BigDecimal[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            after[i] = reserved.advance(t.entityName(t.entityIdAt(i)).equals("S1") ? 0 : 1, i);
        }
        assertThat(after).extracting(BigDecimal::toPlainString).containsExactly("0", "0.1", "0.2", "0.1", "0.3");
        assertThat(engine.stateAt(5).entity("S2").decimal("reserved")).isEqualByComparingTo(after[4]);
        assertThat(engine.stateAt(5).entity("S1").decimal("reserved")).isEqualByComparingTo(after[2]);
        // many rows: growing keeps what the earlier rows hold
        assertThat(reserved.advance(40, 4)).isEqualByComparingTo("0.2");
        assertThat(reserved.advance(1, 1)).isEqualByComparingTo("0.4");
    }
}
