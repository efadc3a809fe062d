package io.eventscope.audit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventscope.audit.AuditReport;
import io.eventscope.load.LoadedSource;
import io.eventscope.source.Completeness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** verify-pack's check of the manifest's findings against those of the replayed events. */
final class PackFindings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PackFindings() {
    }

    /** When the cut is the whole load, the flagged-event findings recorded must be those of the replay. */
    static void compare(JsonNode manifest, int count, LoadedSource replayed) throws PackChecker.Difference {
        if (manifest.path("source").path("positionsLoaded").asInt() != count) {
            return;
        }
        AuditReport audit = AuditReport.of(replayed.sourceName(), replayed.timeline(), Completeness.NONE, null);
        List<Object> expected = new ArrayList<>();
        audit.groups().forEach(g -> expected.add(Manifest.group(g)));
        List<Object> recorded = new ArrayList<>();
        for (JsonNode g : manifest.path("findings").path("groups")) {
            if (g.path("kind").asText().equals("FLAGGED_EVENT")) {
                recorded.add(JSON.convertValue(g, Map.class));
            }
        }
        if (!JSON.valueToTree(recorded).toString().equals(JSON.valueToTree(expected).toString())) {
            throw new PackChecker.Difference("manifest.json", 0, "the flagged-event findings differ from those of the replay: "
                    + "the pack says " + JSON.valueToTree(recorded) + ", the replay gives " + JSON.valueToTree(expected));
        }
    }

}
