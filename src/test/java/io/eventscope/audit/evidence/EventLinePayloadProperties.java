package io.eventscope.audit.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.event.Timeline;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.Timelines;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a payload holds (quotes, backslashes, tabs, other scripts), its pack line gives back exactly it. */
class EventLinePayloadProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 1000)
    void aPackLineCarriesThePayloadExactly(@ForAll("lines") List<String> lines) throws Exception {
        Timeline t = Timelines.of(ProjectionSpecReader.banking(), "default", lines);
        EventLines rendered = new EventLines(t, ProjectionSpecReader.banking());
        for (int k = 0; k < lines.size(); k++) {
            byte[] line = rendered.next();
            JsonNode n = JSON.readTree(new String(line, 0, rendered.length(), StandardCharsets.UTF_8));
            String payload = n.has("payload") ? n.get("payload").asText()
                    : new String(Base64.getDecoder().decode(n.get("payloadBase64").asText()), StandardCharsets.UTF_8);
            assertThat(payload).isEqualTo(lines.get(k));
        }
    }

    @Provide
    Arbitrary<List<String>> lines() {
        // Whole code points: a lone surrogate has no UTF-8 form at all.
        Arbitrary<String> text = Arbitraries.of("\"", "\\", "a", "b", "/", "é", "€", "😀", "\u007f").list().ofMaxSize(12)
                .map(parts -> String.join("", parts).replace("\\", "\\\\").replace("\"", "\\\""));
        Arbitrary<String> space = Arbitraries.of(" ", "\t", "", "\r");
        Arbitrary<String> event = net.jqwik.api.Combinators.combine(text, space, text).as((note, ws, account) ->
                "{\"type\":\"Deposit\"," + ws + "\"account\":\"" + account + "\",\"amount\":1,\"note\":\"" + note + "\"}");
        Arbitrary<String> broken = Arbitraries.strings().withChars("{\"\\a\t").ofMaxLength(10);
        return Arbitraries.oneOf(event, event, event, broken).list().ofMinSize(1).ofMaxSize(8);
    }
}
