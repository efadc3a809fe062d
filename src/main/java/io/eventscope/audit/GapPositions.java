package io.eventscope.audit;

import io.eventscope.event.Timeline;
import io.eventscope.source.Completeness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the first gap shows in the timeline: the first position after its missing sequences. Read burst by
 * burst (a streamed source learns its gaps only at the end), it remembers per stream its first event and
 * every event whose number jumps past the one before it (where any gap ends), so memory grows with gaps,
 * not events.
 */
final class GapPositions implements Consumer<Timeline> {
    private record Jump(String stream, long number, int position) {
    }

    private final Map<String, Long> lastNumber = new HashMap<>();
    private final List<Jump> jumps = new ArrayList<>();

    /** 1-based position of the first event past the first gap of any stream, or 0 when there is none. */
    static int first(Timeline timeline, Completeness completeness) {
        GapPositions g = new GapPositions();
        g.accept(timeline);
        return g.first(completeness);
    }

    @Override
    public void accept(Timeline timeline) {
        int base = timeline.discarded();
        for (int i = 0; i < timeline.size(); i++) {
            var c = timeline.coordinatesAt(i);
            String stream = c.partition() == null ? "" : c.partition();
            Long last = lastNumber.put(stream, c.number());
            if (last == null || c.number() > last + 1) {
                jumps.add(new Jump(stream, c.number(), base + i + 1));
            }
        }
    }

    /** As {@link #first(Timeline, Completeness)}, for what was read so far. */
    int first(Completeness completeness) {
        int first = 0;
        boolean single = completeness.streams().size() == 1;
        for (Completeness.StreamExtent s : completeness.streams()) {
            if (s.gaps().isEmpty()) {
                continue;
            }
            long after = s.gaps().get(0).to();
            for (Jump j : jumps) {
                if (j.number() > after && (single || j.stream().isEmpty() || j.stream().equals(s.stream()))) {
                    first = first == 0 ? j.position() : Math.min(first, j.position());
                    break;
                }
            }
        }
        return first;
    }
}
