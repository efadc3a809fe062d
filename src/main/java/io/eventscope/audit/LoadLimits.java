package io.eventscope.audit;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.DecimalText;
import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import io.eventscope.source.Completeness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a load, from the source's completeness facts and how the load ended: the retention horizon
 * (a stream whose first retained sequence is past 1, or a partition whose log starts past offset 0: the
 * history before it is gone), a load the user cancelled, and a window load (from a later sequence, offset
 * or time than the first retained). Each group's position is where to look: the first retained event, or
 * the last one read. They are not defects of the events, so {@code verify}'s verdict does not count them;
 * the viewer's banner shows them.
 */
final class LoadLimits {
    static final String CANCELLED = "load cancelled: later events were not read";

    private LoadLimits() {
    }

    static List<FindingGroup> of(Timeline timeline, Completeness completeness, boolean cancelled) {
        List<FindingGroup> out = new ArrayList<>();
        boolean offsets = timeline.coordinateKind() == CoordinateKind.OFFSET;
        long base = offsets ? 0 : 1; // the first sequence (offset) a stream (partition) ever had
        List<Completeness.StreamExtent> horizon = new ArrayList<>();
        List<Completeness.StreamExtent> windowed = new ArrayList<>();
        for (Completeness.StreamExtent e : completeness.streams()) {
            if (e.delivered() == 0) {
                continue; // nothing of it is in the timeline to point at
            }
            boolean byTime = !offsets && e.requestedFrom() == 0; // a stream read since an instant
            if (byTime || e.requestedFrom() > Math.max(base, e.firstSequence())) {
                windowed.add(e);
            } else if (e.firstSequence() > base) {
                horizon.add(e);
            }
        }
        Map<String, Integer> first = firstIndexes(timeline,
                (int) completeness.streams().stream().filter(e -> e.delivered() > 0).count());
        if (!horizon.isEmpty()) {
            int position = Integer.MAX_VALUE;
            long latest = EventTimes.NONE;
            for (Completeness.StreamExtent e : horizon) {
                int i = first.getOrDefault(key(e.stream(), first), 0);
                position = Math.min(position, i + 1);
                latest = Math.max(latest, timeAt(timeline, i));
            }
            String before = latest == EventTimes.NONE ? "#" + DecimalText.grouped(position)
                    : EventTimes.toInstant(latest).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            String streams = horizon.size() == 1 ? "" : " (" + horizon.size() + (offsets ? " partitions)" : " streams)");
            out.add(new FindingGroup(FindingKind.RETENTION_HORIZON, "history before " + before
                    + " is not retained" + streams + ": state before it cannot be known", horizon.size(), position));
        }
        if (!windowed.isEmpty()) {
            int position = windowed.stream().mapToInt(e -> first.getOrDefault(key(e.stream(), first), 0) + 1)
                    .min().orElse(1);
            out.add(new FindingGroup(FindingKind.PARTIAL_LOAD, "only a window of the source was loaded: state "
                    + "before its first event cannot be known", windowed.size(), position));
        }
        if (cancelled && timeline.size() > 0) {
            out.add(new FindingGroup(FindingKind.PARTIAL_LOAD, CANCELLED, 1, timeline.size()));
        }
        return out;
    }

    /**
     * The first timeline index of each stream (partition) label; a single stream's events carry none. A
     * stream whose events carry another label (a station's "partition 2") falls back to the first event.
     */
    private static Map<String, Integer> firstIndexes(Timeline timeline, int streams) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < timeline.size() && first.size() < Math.max(1, streams); i++) {
            String p = timeline.coordinatesAt(i).partition();
            first.putIfAbsent(p == null ? "" : p, i);
        }
        return first;
    }

    private static String key(String stream, Map<String, Integer> first) {
        return first.containsKey(stream) ? stream : "";
    }

    /** The broker's time of the event (when the stream stamped it), else its effective time. */
    private static long timeAt(Timeline timeline, int index) {
        if (index >= timeline.size()) {
            return EventTimes.NONE;
        }
        long broker = timeline.brokerTimeAt(index);
        return broker != EventTimes.NONE ? broker : timeline.effectiveTimeAt(index);
    }
}
