package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.testing.Timelines;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadDecodingTest {

    private static Event only(String line) {
        return Timelines.banking("ledger", List.of(line)).event(1);
    }

    @Test
    void readsTypeEntityTimeAndExactAmount() {
        Event e = only("{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"timestamp\":\"2024-03-01T09:41:12.5Z\","
                + "\"amount\":12345678901234567.89}");
        assertThat(e.type()).isEqualTo("Deposit");
        assertThat(e.entity()).isEqualTo("ACC-1");
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2024-03-01T09:41:12.5Z"));
        assertThat(e.numbers().get("amount")).isEqualTo(new BigDecimal("12345678901234567.89"));
        assertThat(e.flags()).isEmpty();
    }

    @Test
    void amountMayBeANumericString() {
        assertThat(only("{\"type\":\"Deposit\",\"amount\":\"0.10\"}").numbers().get("amount")).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void hugeAndExponentAmountsStayExact() {
        assertThat(only("{\"type\":\"Deposit\",\"amount\":123456789012345678901234567890.123}").numbers().get("amount"))
                .isEqualTo(new BigDecimal("123456789012345678901234567890.123"));
        assertThat(only("{\"type\":\"Deposit\",\"amount\":1.5e3}").numbers().get("amount")).isEqualByComparingTo("1500");
    }

    @Test
    void entityAliasesAreTriedInOrderWhateverTheirOrderInThePayload() {
        assertThat(only("{\"type\":\"X\",\"account_number\":\"C\",\"accountNumber\":\"B\"}").entity()).isEqualTo("B");
        assertThat(only("{\"account_number\":\"C\",\"type\":\"X\",\"account\":\"A\"}").entity()).isEqualTo("A");
        assertThat(only("{\"type\":\"X\",\"account_number\":\"C\"}").entity()).isEqualTo("C");
        assertThat(only("{\"type\":\"X\",\"account\":12345}").entity()).isEqualTo("12345");
    }

    @Test
    void eventsWithoutEntityBelongToTheSourceNamedDefault() {
        assertThat(only("{\"type\":\"Deposit\",\"amount\":100}").entity()).isEqualTo("ledger");
    }

    @Test
    void timeAliasesAcceptEpochMillisAndOffsets() {
        assertThat(only("{\"type\":\"X\",\"ts\":1709286072000}").eventTime())
                .isEqualTo(Instant.ofEpochMilli(1709286072000L));
        assertThat(only("{\"type\":\"X\",\"occurredAt\":\"2024-03-01T10:00:00+01:00\"}").eventTime())
                .isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
    }

    @Test
    void nestedValuesAreSkippedNotMistakenForFields() {
        Event e = only("{\"meta\":{\"type\":\"Nope\",\"amount\":1},\"type\":\"Deposit\",\"amount\":5,\"tags\":[1,{\"a\":2}]}");
        assertThat(e.type()).isEqualTo("Deposit");
        assertThat(e.numbers().get("amount")).isEqualByComparingTo("5");
        assertThat(e.flags()).isEmpty();
    }

    @Test
    void everyBadLineIsKeptAndFlaggedWithItsReason() {
        Timeline t = Timelines.banking("ledger", List.of(
                "not json at all",
                "[1,2,3]",
                "{\"amount\":5}",
                "{\"type\":\"Deposit\"}",
                "{\"type\":\"withdrawal\",\"amount\":\"12,50\"}",
                "{\"type\":\"Deposit\",\"amount\":5",
                "",
                "{\"type\":\"Deposit\",\"amount\":5,\"timestamp\":\"yesterday\"}",
                "{\"type\":\"Deposit\",\"amount\":5} {\"type\":\"Deposit\"}",
                "{\"type\":\"StatementIssued\",\"amount\":\"n/a\"}"));
        assertThat(t.size()).isEqualTo(10);
        assertThat(kind(t, 1)).isEqualTo(FlagKind.NOT_JSON);
        assertThat(kind(t, 2)).isEqualTo(FlagKind.NOT_OBJECT);
        assertThat(kind(t, 3)).isEqualTo(FlagKind.NO_TYPE);
        assertThat(kind(t, 4)).isEqualTo(FlagKind.MISSING_FIELD);
        assertThat(t.event(4).flags().get(0).reason()).contains("Deposit has no amount");
        assertThat(kind(t, 5)).isEqualTo(FlagKind.NON_NUMERIC);
        assertThat(t.event(5).flags().get(0).reason()).contains("12,50");
        assertThat(kind(t, 6)).isEqualTo(FlagKind.NOT_JSON);
        assertThat(kind(t, 7)).isEqualTo(FlagKind.NOT_JSON);
        assertThat(t.event(7).flags().get(0).reason()).contains("empty line");
        assertThat(kind(t, 8)).isEqualTo(FlagKind.BAD_TIME);
        assertThat(kind(t, 9)).isEqualTo(FlagKind.NOT_JSON);
        // A type without balance effect does not need a numeric amount.
        assertThat(t.event(10).flags()).isEmpty();
        assertThat(t.flaggedCount()).isEqualTo(9);
        assertThat(t.event(1).payloadText()).isEqualTo("not json at all");
    }

    @Test
    void blankOrNonStringTypesAreNoType() {
        assertThat(only("{\"type\":\"  \",\"amount\":1}").flags().get(0).kind()).isEqualTo(FlagKind.NO_TYPE);
        assertThat(only("{\"type\":7}").flags().get(0).reason()).contains("a JSON number");
        assertThat(only("{\"type\":\" Deposit\",\"amount\":1}").type()).isEqualTo(" Deposit");
    }

    @Test
    void coordinatesAreFileLines() {
        Timeline t = Timelines.banking("ledger", List.of("{\"type\":\"A\"}", "{\"type\":\"B\"}"));
        assertThat(t.event(2).coordinates().toString()).isEqualTo("line 2");
    }

    private static FlagKind kind(Timeline t, int position) {
        assertThat(t.event(position).flags()).as("flags at %d", position).isNotEmpty();
        return t.event(position).flags().get(0).kind();
    }
}
