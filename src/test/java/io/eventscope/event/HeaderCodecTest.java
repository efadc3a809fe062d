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
        HeaderCodec.Encoder encoder = new HeaderCodec.Encoder();
        encoder.encode(headers);
        Map<String, String> decoded = HeaderCodec.decode(Arrays.copyOf(encoder.bytes(), encoder.length()));
        assertThat(decoded).containsEntry("$memphis_producedBy", "billing-service").containsEntry("msg-id", "42")
                .containsEntry("x-tag", "a, b").containsEntry("x-owner", "Zoë Ørsted");
    }
}
