package io.eventscope.ui.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;

/**
 * A payload as people read it: indented JSON with every digit of every number kept, or the raw text when
 * it is not JSON. Very large payloads show a preview of their first bytes.
 */
public final class PrettyJson {
    /** Payloads larger than this are previewed, not pretty-printed whole. */
    public static final int PREVIEW_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private PrettyJson() {
    }

    public static String of(byte[] payload) {
        if (payload.length > PREVIEW_BYTES) {
            String head = new String(payload, 0, PREVIEW_BYTES, StandardCharsets.UTF_8);
            return head + "\n… (preview: first " + PREVIEW_BYTES / 1024 + " KB of " + String.format("%,d", payload.length)
                    + " bytes)";
        }
        String raw = new String(payload, StandardCharsets.UTF_8);
        try {
            JsonNode node = MAPPER.readTree(payload);
            if (node == null || node.isMissingNode()) {
                return raw;
            }
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException | RuntimeException notJson) {
            return raw;
        } catch (java.io.IOException e) {
            return raw;
        }
    }
}
