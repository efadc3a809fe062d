package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The masking writer and the spec's "mask" and "clockSkew" keys, as a spec author and an auditor meet them. */
class MasksTest {
    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static ProjectionSpec spec(String extra) throws ProjectionSpecException {
        return ProjectionSpecReader.parse("""
                {"fields": {"type": "type", "entity": "account", "amount": "amount", "who": "/customer/name"},
                 "state": {"balance": "decimal", "owner": "text"},
                 "rules": [{"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"},
                                                             {"op": "set", "field": "who", "to": "owner"}]}]
                 %s}""".formatted(extra), "t.json");
    }

    private static String show(Masks m, String json) {
        return new String(m.payload(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void nestedValuesArraysAndWholeObjectsAreMaskedAndNumbersKeepTheirExactText() throws Exception {
        Masks m = Masks.of(spec(", \"mask\": [\"/customer/name\", \"/cards\", \"/data/ids/1\"]"), Masks.Mode.SHOW, null);
        String out = show(m, "{\"amount\": 10.10, \"big\": 123456789012345678901234567890.000001, "
                + "\"customer\": {\"name\": \"Ada \\\"L\\\"\", \"seg\": \"x\"}, \"cards\": [{\"n\": \"4111\"}], "
                + "\"data\": {\"ids\": [\"a\", \"b\", \"c\"]}, \"name\": \"top\"}");
        assertThat(out).isEqualTo("{\"amount\":10.10,\"big\":123456789012345678901234567890.000001,"
                + "\"customer\":{\"name\":\"•••• (masked)\",\"seg\":\"x\"},\"cards\":\"•••• (masked)\","
                + "\"data\":{\"ids\":[\"a\",\"•••• (masked)\",\"c\"]},\"name\":\"top\"}");
        assertThat(m.field("who", "Ada")).isEqualTo(Masks.MARK);
        assertThat(m.field("owner", "Ada")).as("a state field set from a masked one").isEqualTo(Masks.MARK);
        assertThat(m.field("amount", "10")).isEqualTo("10");
    }

    @Test
    void hashesAreSaltedStableAndIdempotent() throws Exception {
        Masks m = Masks.of(spec(", \"mask\": [\"/customer/name\"]"), Masks.Mode.HASH, SALT);
        String once = show(m, "{\"customer\": {\"name\": \"Ada\"}}");
        assertThat(once).isEqualTo(show(m, "{\"customer\":{\"name\":\"Ada\"}}"));
        assertThat(show(m, once)).as("masking a masked payload changes nothing").isEqualTo(once);
        assertThat(once).doesNotContain("Ada").contains("sha256:");
        Masks other = Masks.of(spec(", \"mask\": [\"/customer/name\"]"), Masks.Mode.HASH, "another salt.....".getBytes());
        assertThat(show(other, "{\"customer\": {\"name\": \"Ada\"}}")).isNotEqualTo(once);
    }

    @Test
    void headersEntitiesAndPayloadsThatAreNotJsonAreMaskedWhole() throws Exception {
        Masks m = Masks.of(spec(", \"mask\": [\"header:Authorization\", \"account\"]"), Masks.Mode.SHOW, SALT);
        assertThat(m.headers(Map.of("authorization", "Bearer s3cret"))).containsEntry("authorization", Masks.MARK);
        assertThat(m.entity("acc-1")).startsWith("•••• ").isNotEqualTo(m.entity("acc-2"));
        assertThat(show(m, "Bearer s3cret {not json")).isEqualTo(Masks.MARK);
        Masks names = Masks.of(spec(", \"mask\": [\"/customer/name\"]"), Masks.Mode.SHOW, SALT);
        assertThat(show(names, "{\"type\":\"Deposit\",\"customer\":{\"name\":\"Ada\"} trailing Ada"))
                .as("broken JSON keeps its masked head and masks the rest whole")
                .isEqualTo("{\"type\":\"Deposit\",\"customer\":{\"name\":\"" + Masks.MARK + "\"}" + Masks.MARK);
        assertThat(Masks.of(spec(", \"mask\": [\"account\"]"), Masks.Mode.REVEAL, null).entity("acc-1")).isEqualTo("acc-1");
    }

    @Test
    void deepOrLongPayloadsAreMaskedInPartNotWhole() throws Exception {
        Masks m = Masks.of(spec(", \"mask\": [\"/customer/name\"]"), Masks.Mode.SHOW, null);
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String digits = "1".repeat(5000);
        String out = show(m, "{\"type\":\"Deposit\",\"n\":" + digits + ",\"deep\":" + deep
                + ",\"customer\":{\"name\":\"Ada\"}}");
        assertThat(out).startsWith("{\"type\":\"Deposit\",\"n\":" + digits + ",\"deep\":" + deep)
                .endsWith("\"customer\":{\"name\":\"" + Masks.MARK + "\"}}");
    }

    @Test
    void noMaskLeavesThePayloadBytesAlone() throws Exception {
        byte[] raw = "{ \"amount\" : 1.50 }".getBytes(StandardCharsets.UTF_8);
        assertThat(Masks.of(spec(""), Masks.Mode.HASH, null).payload(raw)).isSameAs(raw);
    }

    @Test
    void theSpecKeysAreReadStrictly() throws Exception {
        assertThat(spec(", \"clockSkew\": \"PT30S\"").clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec("").clockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> spec(", \"mask\": [\"/a/~2\"]")).hasMessageContaining("mask[0]")
                .hasMessageContaining("JSON Pointer");
        assertThatThrownBy(() -> spec(", \"mask\": []")).hasMessageContaining("mask must be");
        assertThatThrownBy(() -> spec(", \"clockSkew\": \"5 minutes\"")).hasMessageContaining("clockSkew")
                .hasMessageContaining("PT5M");
        assertThatThrownBy(() -> spec(", \"clockSkew\": \"-PT5M\"")).hasMessageContaining("positive");
        ProjectionSpec masked = spec(", \"mask\": [\"/customer/name\"], \"clockSkew\": \"PT1M\"");
        assertThat(ProjectionSpecReader.parse(ProjectionSpecWriter.json(masked), masked.name()).mask())
                .containsExactly("/customer/name");
    }
}
