package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.event.Timeline;
import io.eventscope.testing.Timelines;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayEngineTest {

    @Test
    void seedArticleEventsReplayToOneDefaultEntityWithBalance50() {
        Timeline t = Timelines.banking("seed", List.of(
                "{\"type\":\"Deposit\",\"amount\":100}",
                "{\"type\":\"Withdrawal\",\"amount\":50}"));
        ReplayState state = new ReplayEngine(t, ProjectionSpecReader.banking()).stateAt(2);
        assertThat(state.entities()).hasSize(1);
        assertThat(state.entity("seed").decimal("balance")).isEqualByComparingTo("50");
        assertThat(state.entity("seed").events()).isEqualTo(2);
    }

    @Test
    void typesMatchCaseInsensitivelyAndAliasesApply() {
        Timeline t = Timelines.banking("x", List.of(
                "{\"type\":\"deposit\",\"account\":\"A\",\"amount\":10}",
                "{\"type\":\"FUNDSDEPOSITED\",\"account\":\"A\",\"amount\":\"5.5\"}",
                "{\"type\":\"FundsWithdrawn\",\"account\":\"A\",\"amount\":1}",
                "{\"type\":\"BalanceAdjusted\",\"account\":\"A\",\"amount\":-0.25}",
                "{\"type\":\"StatementIssued\",\"account\":\"A\"}"));
        EntityState a = new ReplayEngine(t, ProjectionSpecReader.banking()).stateAt(5).entity("A");
        assertThat(a.decimal("balance")).isEqualTo(new BigDecimal("14.25"));
        assertThat(a.events()).isEqualTo(5);
    }

    @Test
    void moneyIsExactAtTheLimitsOfLong() {
        Timeline t = Timelines.banking("x", List.of(
                "{\"type\":\"Deposit\",\"amount\":12345678901234567.89}",
                "{\"type\":\"Deposit\",\"amount\":0.1}"));
        assertThat(new ReplayEngine(t, ProjectionSpecReader.banking()).stateAt(2).entity("x").decimal("balance"))
                .isEqualTo(new BigDecimal("12345678901234567.99"));
    }

    @Test
    void flaggedEventsAreCountedAndSkipped() {
        Timeline t = Timelines.banking("x", List.of(
                "{\"type\":\"Deposit\",\"amount\":100}",
                "{\"type\":\"Deposit\",\"amount\":\"lots\"}",
                "garbage",
                "{\"type\":\"Withdrawal\",\"amount\":30}"));
        ReplayState s = new ReplayEngine(t, ProjectionSpecReader.banking()).stateAt(4);
        assertThat(s.flagged()).isEqualTo(2);
        assertThat(s.entity("x").decimal("balance")).isEqualByComparingTo("70");
        assertThat(s.entity("x").events()).isEqualTo(2);
    }

    @Test
    void stateAtTimeIncludesEveryEventAtOrBeforeTheInstantEvenWhenLate() {
        Timeline t = Timelines.banking("x", List.of(
                "{\"type\":\"Deposit\",\"amount\":1,\"timestamp\":\"2024-03-01T10:00:00Z\"}",
                "{\"type\":\"Deposit\",\"amount\":2,\"timestamp\":\"2024-03-01T12:00:00Z\"}",
                "{\"type\":\"Deposit\",\"amount\":4,\"timestamp\":\"2024-03-01T11:00:00Z\"}",
                "{\"type\":\"Deposit\",\"amount\":8,\"timestamp\":\"2024-03-01T13:00:00Z\"}"));
        ReplayEngine engine = new ReplayEngine(t, ProjectionSpecReader.banking());
        assertThat(engine.stateAtTime(Instant.parse("2024-03-01T09:00:00Z")).entities()).isEmpty();
        assertThat(engine.stateAtTime(Instant.parse("2024-03-01T10:00:00Z")).entity("x").decimal("balance"))
                .isEqualByComparingTo("1");
        // 11:00 includes the late third event but not the 12:00 one before it.
        assertThat(engine.stateAtTime(Instant.parse("2024-03-01T11:30:00Z")).entity("x").decimal("balance"))
                .isEqualByComparingTo("5");
        assertThat(engine.stateAtTime(Instant.parse("2024-03-01T12:00:00Z")).entity("x").decimal("balance"))
                .isEqualByComparingTo("7");
        assertThat(engine.stateAtTime(Instant.parse("2030-01-01T00:00:00Z")).entity("x").decimal("balance"))
                .isEqualByComparingTo("15");
    }

    @Test
    void changeAtShowsTheEntityBeforeAndAfterTheEvent() {
        Timeline t = Timelines.banking("x", List.of(
                "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":100}",
                "{\"type\":\"Deposit\",\"account\":\"B\",\"amount\":7}",
                "{\"type\":\"Withdrawal\",\"account\":\"A\",\"amount\":40}",
                "{\"type\":\"Withdrawal\",\"account\":\"A\"}"));
        ReplayEngine engine = new ReplayEngine(t, ProjectionSpecReader.banking());
        EventChange first = engine.changeAt(1);
        assertThat(first.before()).isNull();
        assertThat(first.after().decimal("balance")).isEqualByComparingTo("100");
        EventChange third = engine.changeAt(3);
        assertThat(third.entity()).isEqualTo("A");
        assertThat(third.before().decimal("balance")).isEqualByComparingTo("100");
        assertThat(third.after().decimal("balance")).isEqualByComparingTo("60");
        EventChange flagged = engine.changeAt(4);
        assertThat(flagged.applied()).isFalse();
        assertThat(flagged.after().decimal("balance")).isEqualByComparingTo(flagged.before().decimal("balance"));
    }

    @Test
    void positionsOutsideTheTimelineAreRefused() {
        Timeline t = Timelines.banking("x", List.of("{\"type\":\"Deposit\",\"amount\":1}"));
        ReplayEngine engine = new ReplayEngine(t, ProjectionSpecReader.banking());
        assertThat(engine.stateAt(0).entities()).isEmpty();
        assertThatThrownBy(() -> engine.stateAt(2)).hasMessageContaining("beyond the end");
    }

    @Test
    void textStateAndSetOperationsFollowACustomSpec() throws Exception {
        ProjectionSpec spec = ProjectionSpecReader.parse("""
                {"name":"orders","fields":{"type":"kind","entity":"orderId","time":"at"},
                 "state":{"total":"decimal","status":"text"},
                 "rules":[
                   {"types":["OrderPlaced"],"apply":[{"op":"set","field":"total","to":"total"},
                                                     {"op":"set","field":"state","to":"status"}]},
                   {"types":["OrderShipped"],"apply":[{"op":"set","field":"state","to":"status"}]},
                   {"types":["ItemAdded"],"apply":[{"op":"add","field":"price","to":"total"}]}]}
                """, "orders.json");
        Timeline t = Timelines.of(spec, "orders", List.of(
                "{\"kind\":\"OrderPlaced\",\"orderId\":\"O1\",\"total\":\"10.00\",\"state\":\"placed\"}",
                "{\"kind\":\"ItemAdded\",\"orderId\":\"O1\",\"price\":2.5}",
                "{\"kind\":\"OrderShipped\",\"orderId\":\"O1\",\"state\":\"shipped\"}"));
        EntityState o1 = new ReplayEngine(t, spec).stateAt(3).entity("O1");
        assertThat(o1.decimals().get("total")).isEqualTo(new BigDecimal("12.50"));
        assertThat(o1.texts().get("status")).isEqualTo("shipped");
    }
}
