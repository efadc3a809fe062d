package io.eventscope.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.cli.EventscopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** What {@code eventscope state SOURCE --position N --format json} prints, as entity → "balance/events". */
final class CliState {
    private CliState() {
    }

    static Map<String, String> at(String source, int position) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = EventscopeCommand.commandLine(false);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("state", source, "--position", Integer.toString(position), "--format", "json");
        if (code != 0) {
            throw new IllegalStateException("state command failed: " + err);
        }
        try {
            JsonNode root = new ObjectMapper().readTree(out.toString());
            Map<String, String> result = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("entities").fields(); it.hasNext(); ) {
                var e = it.next();
                result.put(e.getKey(), key(new BigDecimal(e.getValue().get("balance").asText()),
                        e.getValue().get("events").asInt()));
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String key(BigDecimal balance, int events) {
        return balance.stripTrailingZeros().toPlainString() + "/" + events;
    }
}
