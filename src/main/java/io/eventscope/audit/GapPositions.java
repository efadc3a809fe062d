package io.eventscope.audit;

import io.eventscope.event.Timeline;
import io.eventscope.source.Completeness;

/** Where the first gap shows in the timeline: the first position after its missing sequences. */
final class GapPositions {
    private GapPositions() {
    }

    /** 1-based position of the first event past the first gap of any stream, or 0 when there is none. */
    static int first(Timeline timeline, Completeness completeness) {
        int first = 0;
        boolean single = completeness.streams().size() == 1;
        for (Completeness.StreamExtent s : completeness.streams()) {
            if (s.gaps().isEmpty()) {
                continue;
            }
            long after = s.gaps().get(0).to();
            for (int i = 0; i < timeline.size() && (first == 0 || i + 1 < first); i++) {
                var c = timeline.coordinatesAt(i);
                if (c.number() > after && (single || c.partition() == null || c.partition().equals(s.stream()))) {
                    first = i + 1;
                    break;
                }
            }
        }
        return first;
    }
}
