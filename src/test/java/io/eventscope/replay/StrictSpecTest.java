package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A spec with a mistake is refused with the file and the JSON path, never half-applied or ignored. */
class StrictSpecTest {
    private static final String FIELDS = "\"fields\":{\"type\":\"type\",\"entity\":\"account\"}";
    private static final String STATE = "\"state\":{\"balance\":\"decimal\"}";
    private static final String DEPOSIT = "{\"types\":[\"Deposit\"],\"apply\":[{\"op\":\"add\",\"field\":\"amount\",\"to\":\"balance\"}]}";

    private static void refused(String json, String... parts) {
        assertThatThrownBy(() -> ProjectionSpecReader.parse(json, "audit.json"))
                .isInstanceOf(ProjectionSpecException.class)
                .hasMessageStartingWith("Projection spec audit.json: ")
                .hasMessageContainingAll(parts)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").endsWith("."));
    }

    @Test
    void unknownKeysAnywhereAreErrors() {
        refused("{" + FIELDS + "," + STATE + ",\"rules\":[" + DEPOSIT + "],\"rulez\":[]}", "rulez", "not a known key");
        refused("{" + FIELDS + "," + STATE + ",\"rules\":[" + DEPOSIT + "],\"invariant\":[]}", "invariant ");
        refused("{" + FIELDS + "," + STATE + ",\"rules\":[{\"types\":[\"Deposit\"],\"apply\":[{\"op\":\"add\","
                + "\"field\":\"amount\",\"to\":\"balance\",\"scale\":2}]}]}", "rules[0].apply[0].scale");
        refused("{" + FIELDS + "," + STATE + ",\"rules\":[" + DEPOSIT + "],\"invariants\":[{\"name\":\"x\","
                + "\"check\":\"balance >= 0\",\"severity\":1}]}", "invariants[0].severity");
    }

    @Test
    void aTypeInTwoRulesInAnyLetterCaseIsAnError() {
        refused("{" + FIELDS + "," + STATE + ",\"rules\":[" + DEPOSIT + "," + DEPOSIT.replace("Deposit", "deposit")
                + "]}", "rules[1].types[0]", "\"deposit\" is already listed at rules[0].types[0]");
    }

    @Test
    void everyStateFieldNeedsAnOperationAndEveryTargetADeclaration() {
        refused("{" + FIELDS + ",\"state\":{\"balance\":\"decimal\",\"status\":\"text\"},\"rules\":[" + DEPOSIT + "]}",
                "state.status", "set by no operation");
        refused("{" + FIELDS + "," + STATE + ",\"rules\":[" + DEPOSIT.replace("\"to\":\"balance\"", "\"to\":\"saldo\"")
                + "]}", "rules[0].apply[0].to", "not declared in state");
    }

    @Test
    void invalidPointersAndUnreadNamedFieldsAreErrors() {
        refused("{\"fields\":{\"type\":\"type\",\"entity\":[\"account\",\"/data/a~2b\"]}," + STATE + ",\"rules\":["
                + DEPOSIT + "]}", "fields.entity[1]", "RFC 6901");
        refused("{\"fields\":{\"type\":\"type\",\"currency\":\"/data/currency\"}," + STATE + ",\"rules\":["
                + DEPOSIT + "]}", "fields.currency", "read by no operation");
        refused("{\"fields\":{\"type\":\"header:\"}," + STATE + ",\"rules\":[" + DEPOSIT + "]}", "fields.type");
    }

    @Test
    void aBadExpressionNamesTheRuleAndTheColumn() {
        refused("{" + FIELDS + "," + STATE + ",\"rules\":[{\"types\":[\"Deposit\"],\"when\":\"amount >> 2 &&\","
                + "\"apply\":[{\"op\":\"add\",\"field\":\"amount\",\"to\":\"balance\"}]}]}", "rules[0].when", "column ");
        refused("{" + FIELDS + "," + STATE + ",\"rules\":[" + DEPOSIT + "],\"invariants\":[{\"name\":\"n\","
                + "\"check\":\"balance >= 0 && saldo > 1\"}]}", "invariants[0].check", "column 17", "saldo");
        refused("{" + FIELDS + "," + STATE + ",\"rules\":[" + DEPOSIT + "],\"invariants\":[{\"name\":\"n\","
                + "\"check\":\"balance >= 0\"},{\"name\":\"n\",\"check\":\"balance < 1e9\"}]}", "invariants[1].name");
    }

    @Test
    void theBundledProjectionsAreValidAndFoundByName() throws Exception {
        assertThat(ProjectionSpecReader.bundled()).extracting(ProjectionSpec::name)
                .containsExactly("banking", "cloudevents");
        assertThat(ProjectionSpecReader.resolve("cloudevents").invariants()).extracting(Invariant::name)
                .containsExactly("no-overdraft", "no activity when closed");
        assertThatThrownBy(() -> ProjectionSpecReader.named("bankng"))
                .hasMessageContaining("no bundled projection named \"bankng\"");
    }
}
