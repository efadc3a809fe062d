package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderCodecTest {

    @Test
    void headersSurviveTheRoundTripIncludingRepeatsAndNonAscii() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("$memphis_producedBy", List.of("billing-service"));
        headers.put("msg-id", List.of("42"));
        headers.put("x-tag", List.of("a", "b"));
        headers.put("x-owner", List.of("Zoë Ørsted"));
        HeaderBlock block = new HeaderBlock();
        block.add("stale", "from the previous message");
        block.encode(headers);
        Map<String, String> decoded = HeaderCodec.decode(Arrays.copyOf(block.bytes(), block.length()));
        assertThat(decoded).containsEntry("$memphis_producedBy", "billing-service").containsEntry("msg-id", "42")
                .containsEntry("x-tag", "a, b").containsEntry("x-owner", "Zoë Ørsted").doesNotContainKey("stale");
    }

    @Test
    void valuesAddedOneByOneAreFoundWhereAddSays() {
        HeaderBlock block = new HeaderBlock();
        String longValue = "ü".repeat(300);
        block.add("a", "x");
        int at = block.add("msg-id", longValue);
        block.add("b", "y");
        byte[] expected = longValue.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Arrays.copyOfRange(block.bytes(), at, at + expected.length)).isEqualTo(expected);
        assertThat(HeaderCodec.decode(Arrays.copyOf(block.bytes(), block.length())))
                .containsExactly(Map.entry("a", "x"), Map.entry("msg-id", longValue), Map.entry("b", "y"));
    }
}
