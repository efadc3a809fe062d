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

    @Test
    void aReusedBlockPacksEachMessageExactlyAsAFreshOneWouldWhetherPairsRepeatOrNot() {
        HeaderBlock block = new HeaderBlock();
        String[][][] messages = {
                {{"$memphis_connectionId", "c-1"}, {"$memphis_producedBy", "svc"}, {"msg-id", "c-1-1"}},
                {{"$memphis_connectionId", "c-1"}, {"$memphis_producedBy", "svc"}, {"msg-id", "c-1-2"}},
                {{"$memphis_connectionId", "c-1"}, {"$memphis_producedBy", "svc"}, {"msg-id", "c-1-3"}},
                {{"$memphis_connectionId", "c-1"}, {"$memphis_producedBy", "$memphis_dls"}, {"msg-id", "c-1-3"}},
                {{"x-owner", "Zo\u00eb"}, {"$memphis_producedBy", "svc"}},
                {{"x-owner", "Zo\u00eb"}, {"$memphis_producedBy", "svc"}, {"tenant", "eu"}},
                {{"x-owner", "Zo\u00eb"}, {"$memphis_producedBy", "svc"}, {"tenant", "eu"}},
        };
        for (String[][] message : messages) {
            block.clear();
            StringBuilder expected = new StringBuilder();
            for (String[] pair : message) {
                int at = block.add(pair[0], pair[1]);
                expected.append(pair[0]).append('\0');
                int valueAt = expected.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                assertThat(at).isEqualTo(valueAt);
                expected.append(pair[1]).append('\n');
            }
            assertThat(Arrays.copyOf(block.bytes(), block.length()))
                    .isEqualTo(expected.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
