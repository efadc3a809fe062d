package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The projection's required numeric fields, as an auditor meets them in the flags of an event. */
class RequiredFieldsTest {
    /** A transfer needs an amount and a fee; a deposit an amount; everything else nothing. */
    private static final FieldMapping MAPPING = new FieldMapping(List.of("type"), List.of("account"), List.of("ts"),
            List.of("amount", "fee"), List.of(), Map.of("transfer", Set.of("fee", "amount"), "deposit", Set.of("amount")));

    private static List<String> reasons(String payload) {
        return reasons(payload, List.of());
    }

    private static List<String> reasons(String payload, List<Flag> sourceFlags) {
        Timeline t = new Timeline("s", "s", CoordinateKind.SEQUENCE, MAPPING);
        byte[] b = payload.getBytes(StandardCharsets.UTF_8);
        new TimelineWriter(t).append(b, 0, b.length, null, 1, EventTimes.NONE, Map.of(), sourceFlags);
        return t.event(1).flags().stream().map(Flag::reason).toList();
    }

    @Test
    void eachMissingOrNonNumericRequiredFieldIsFlaggedInMappingOrder() {
        assertThat(reasons("{\"type\":\"Transfer\"}")).containsExactly(
                "missing required field: Transfer has no amount", "missing required field: Transfer has no fee");
        assertThat(reasons("{\"type\":\"Transfer\",\"fee\":\"n/a\",\"amount\":[1]}")).containsExactly(
                "non-numeric value: amount a JSON array is not a number", "non-numeric value: fee \"n/a\" is not a number");
        assertThat(reasons("{\"type\":\"Transfer\",\"amount\":\"10.00\",\"fee\":0.5}")).isEmpty();
    }

    @Test
    void typesAreMatchedWithoutRegardToCaseAndOtherTypesNeedNothing() {
        assertThat(reasons("{\"type\":\"DEPOSIT\",\"fee\":1}")).containsExactly("missing required field: DEPOSIT has no amount");
        assertThat(reasons("{\"type\":\"Note\",\"amount\":\"n/a\"}")).isEmpty();
    }

    @Test
    void aRepeatedFieldIsTheOneReasonWhicheverValueComesFirst() {
        assertThat(reasons("{\"type\":\"Deposit\",\"amount\":\"x\",\"amount\":5}"))
                .containsExactly("repeated field: field amount appears more than once in the object");
        assertThat(reasons("{\"type\":\"Deposit\",\"amount\":5,\"amount\":\"x\"}"))
                .containsExactly("repeated field: field amount appears more than once in the object");
        // null is no value: nothing to choose between
        assertThat(reasons("{\"type\":\"Deposit\",\"amount\":5,\"amount\":null}")).isEmpty();
    }

    @Test
    void aFlagFromTheSourceStandsAloneAndIsNotRepeatedAsMissingFields() {
        Flag resend = new Flag(FlagKind.DEAD_LETTER_RESEND, "");
        assertThat(reasons("{\"type\":\"Deposit\"}", List.of(resend))).containsExactly(resend.reason());
    }
}
