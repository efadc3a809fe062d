package io.eventscope.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.Timeline;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.Timelines;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events a search finds, as an auditor means it: exact values, decimals by value, masked values hidden. */
class SearchMatcherTest {
    private static final List<String> LINES = List.of(
            /* 1 */ "{\"type\":\"Deposit\",\"account\":\"ACC-1\",\"amount\":10.00,\"timestamp\":\"2024-03-01T09:00:00Z\","
                    + "\"customer\":{\"name\":\"Jane Doe\",\"iban\":\"PT50000201231234567890154\"},"
                    + "\"items\":[{\"sku\":\"A-1\"},{\"sku\":\"B-2\"}]}",
            /* 2 */ "{\"type\":\"Deposit\",\"account\":\"ACC-2\",\"amount\":\"10\",\"timestamp\":\"2024-03-01T11:00:00Z\","
                    + "\"customer\":{\"name\":\"John Roe\",\"iban\":\"DE89370400440532013000\"},\"items\":[{\"sku\":\"B-2\"}]}",
            /* 3 */ "{\"type\":\"Withdrawal\",\"account\":\"ACC-1\",\"amount\":10.001,\"timestamp\":\"2024-03-01T13:00:00Z\","
                    + "\"flag\":true,\"note\":null}",
            /* 4 */ "not json at all ACC-1",
            /* 5 */ "{\"type\":\"Deposit\",\"data\":{\"account\":\"ACC-3\",\"amount\":1E+1},\"timestamp\":\"2024-03-01T12:00:00Z\"}");

    private static ProjectionSpec spec(String mask) throws Exception {
        return ProjectionSpecReader.parse("""
                {"fields": {"type": "type", "entity": ["account", "/data/account"], "time": "timestamp",
                            "amount": ["amount", "/data/amount"]},
                 "state": {"balance": "decimal"},
                 "rules": [{"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"}]}]
                 %s}""".formatted(mask), "t.json");
    }

    private static List<Integer> found(String search, ProjectionSpec spec, Masks masks) {
        Timeline t = Timelines.of(spec, "log", LINES);
        SearchMatcher m = new SearchMatcher(SearchQuery.parse(search, ZoneOffset.UTC), t, spec, masks);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (m.matches(i)) {
                out.add(i + 1);
            }
        }
        return out;
    }

    private static List<Integer> found(String search) throws Exception {
        return found(search, spec(""), Masks.none());
    }

    @Test
    void numbersAreEqualByDecimalValueWhateverTheirSpellingOrQuotes() throws Exception {
        assertThat(found("amount=10")).as("10.00, \"10\" and 1E+1 (via /data/amount) are ten").containsExactly(1, 2, 5);
        assertThat(found("amount=10.001")).containsExactly(3);
        assertThat(found("amount=10.0010")).containsExactly(3);
    }

    @Test
    void projectionNamesReadWhatTheProjectionReadsAndOtherNamesTopLevelFields() throws Exception {
        assertThat(found("entity=ACC-3")).as("entity from /data/account").containsExactly(5);
        assertThat(found("account=ACC-1")).as("a top-level field").containsExactly(1, 3);
        assertThat(found("type=Deposit entity=ACC-1")).as("terms AND together").containsExactly(1);
        assertThat(found("type=deposit")).as("values are exact").isEmpty();
        assertThat(found("flag=true")).containsExactly(3);
        assertThat(found("note=null")).containsExactly(3);
    }

    @Test
    void pointersReachIntoNestedObjectsAndArrays() throws Exception {
        assertThat(found("/customer/name=\"Jane Doe\"")).containsExactly(1);
        assertThat(found("/items/1/sku=B-2")).containsExactly(1);
        assertThat(found("/items/0/sku=B-2")).containsExactly(2);
        assertThat(found("/items/01/sku=B-2")).as("not an RFC 6901 index").isEmpty();
        assertThat(found("/customer=x")).as("an object is not a value").isEmpty();
    }

    @Test
    void aValueSpelledWithJsonEscapesStillMatches() throws Exception {
        ProjectionSpec spec = spec("");
        Timeline t = Timelines.of(spec, "log", List.of("{\"type\":\"Deposit\",\"note\":\"\\u0041CC-9 \\\"x\\\"\"}",
                "{\"type\":\"Deposit\",\"note\":\"ACC-9 \\\"x\\\"\"}", "{\"note\":[" + "[".repeat(5000) + "]"));
        SearchMatcher m = new SearchMatcher(SearchQuery.parse("note=\"ACC-9 \\\"x\\\"\"", ZoneOffset.UTC), t, spec,
                Masks.none());
        assertThat(List.of(m.matches(0), m.matches(1), m.matches(2))).containsExactly(true, true, false);
    }

    @Test
    void wordsAndTimeNarrowTogether() throws Exception {
        assertThat(found("acc-1")).as("any case, non-JSON payloads too").containsExactly(1, 3, 4);
        assertThat(found("acc-1 time:2024-03-01T10:00Z..")).as("a line without a time counts at the time before it")
                .containsExactly(3, 4);
        assertThat(found("time:2024-03-01T11:00Z..2024-03-01T12:00Z")).as("inclusive ends").containsExactly(2, 5);
        assertThat(found("\"jane doe\"")).containsExactly(1);
        assertThat(found("jane doe")).containsExactly(1);
    }

    @Test
    void aMaskedValueIsNeverFoundByWhatItHidesUntilRevealed() throws Exception {
        ProjectionSpec masked = spec(", \"mask\": [\"/customer\", \"account\"]");
        Masks shown = Masks.of(masked, Masks.Mode.SHOW, null);
        for (String search : List.of("/customer/iban=PT50000201231234567890154", "/customer/name=\"Jane Doe\"",
                "PT50000201231234567890154", "jane", "account=ACC-1", "entity=ACC-1", "entity=ACC-3")) {
            assertThat(found(search, masked, shown)).as(search).isEmpty();
        }
        assertThat(found("\"(masked)\" type=Deposit", masked, shown)).as("the mark itself is shown text").containsExactly(1, 2);
        assertThat(SearchMatcher.maskedName(SearchQuery.parse("amount=10 /customer/iban=x", ZoneOffset.UTC), masked,
                shown)).isEqualTo("/customer/iban");
        Masks revealed = Masks.of(masked, Masks.Mode.REVEAL, null);
        assertThat(found("/customer/iban=PT50000201231234567890154", masked, revealed)).containsExactly(1);
        assertThat(found("jane", masked, revealed)).containsExactly(1);
        assertThat(found("entity=ACC-1", masked, revealed)).containsExactly(1, 3);
        assertThat(SearchMatcher.maskedName(SearchQuery.parse("/customer/iban=x", ZoneOffset.UTC), masked, revealed)).isNull();
    }
}
