package io.eventscope.audit;

import io.eventscope.event.Timeline;
import io.eventscope.source.Completeness;

/** Where the first gap shows in the timeline: the first position after its missing sequences. */
final class GapPositions {
    private GapPositions() {
    }

    /**
     * The same for a streamed source, which learns its gaps only at the end: remembers, per stream, its first
     * event and every event whose number jumps past the one before it (where any gap ends), so memory grows
     * with gaps, not events.
     */
    static final class Streaming implements java.util.function.Consumer<Timeline> {
        private final java.util.Map<String, Long> lastNumber = new java.util.HashMap<>();
        private final java.util.List<Object[]> jumps = new java.util.ArrayList<>(); // {stream, number, position}

        @Override
        public void accept(Timeline timeline) {
            int base = timeline.discarded();
            for (int i = 0; i < timeline.size(); i++) {
                var c = timeline.coordinatesAt(i);
                String stream = c.partition() == null ? "" : c.partition();
                Long last = lastNumber.put(stream, c.number());
                if (last == null || c.number() > last + 1) {
                    jumps.add(new Object[] {stream, c.number(), base + i + 1});
                }
            }
        }

        int first(Completeness completeness) {
            int first = 0;
            boolean single = completeness.streams().size() == 1;
            for (Completeness.StreamExtent s : completeness.streams()) {
                if (s.gaps().isEmpty()) {
                    continue;
                }
                long after = s.gaps().get(0).to();
                for (Object[] j : jumps) {
                    int position = (int) j[2];
                    if ((long) j[1] > after && (single || "".equals(j[0]) || j[0].equals(s.stream()))) {
                        first = first == 0 ? position : Math.min(first, position);
                        break;
                    }
                }
            }
            return first;
        }
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
