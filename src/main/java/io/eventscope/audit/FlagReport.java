package io.eventscope.audit;

import io.eventscope.event.Flag;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Timeline;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The flagged events of a timeline grouped by reason, in position order within each group. */
public final class FlagReport {
    /** One flagged event: where it is and every reason it was flagged. */
    public record Finding(int position, String coordinates, List<Flag> flags) {
    }

    private final Map<FlagKind, List<Finding>> byKind = new EnumMap<>(FlagKind.class);
    private final int positions;
    private int flagged;

    private FlagReport(int positions) {
        this.positions = positions;
    }

    public static FlagReport of(Timeline timeline) {
        int size = timeline.size();
        FlagReport report = new FlagReport(size);
        for (int i = 0; i < size; i++) {
            if (!timeline.isFlagged(i)) {
                continue;
            }
            report.flagged++;
            List<Flag> flags = timeline.flagsAt(i);
            Finding finding = new Finding(i + 1, timeline.coordinatesAt(i).toString(), flags);
            flags.stream().map(Flag::kind).distinct()
                    .forEach(kind -> report.byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(finding));
        }
        return report;
    }

    public int positions() {
        return positions;
    }

    /** Number of flagged events (an event with two reasons counts once). */
    public int flagged() {
        return flagged;
    }

    public Map<FlagKind, List<Finding>> byKind() {
        return byKind;
    }

    public boolean clean() {
        return flagged == 0;
    }
}
