package io.eventscope.audit.evidence;

import io.eventscope.replay.EntityState;
import io.eventscope.replay.ReplayState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's chart data: the primary field of the busiest entities (most applied events at the cut)
 * over positions, at most one point per bucket of positions, so the chart of a million events is a few
 * hundred points per line.
 */
final class BusiestSeries {
    static final int ENTITIES = 5;
    private static final int BUCKETS = 400;

    private final Map<String, List<Point>> series = new LinkedHashMap<>();
    private final int bucket;

    /** A value of an entity's field after {@code position}. */
    record Point(int position, BigDecimal value) {
    }

    BusiestSeries(ReplayState state, int positions) {
        state.entities().stream()
                .sorted(Comparator.comparingInt(EntityState::events).reversed().thenComparing(EntityState::entity))
                .limit(ENTITIES)
                .forEach(e -> series.put(e.entity(), new ArrayList<>(List.of(new Point(0, BigDecimal.ZERO)))));
        this.bucket = Math.max(1, positions / BUCKETS);
    }

    /** Records that {@code entity}'s value became {@code value} at {@code position}. */
    void record(String entity, int position, BigDecimal value) {
        List<Point> points = series.get(entity);
        if (points == null) {
            return;
        }
        Point last = points.get(points.size() - 1);
        if (points.size() > 1 && last.position() / bucket == position / bucket) {
            points.set(points.size() - 1, new Point(position, value));
        } else {
            points.add(new Point(position, value));
        }
    }

    boolean tracks(String entity) {
        return series.containsKey(entity);
    }

    Map<String, List<Point>> series() {
        return series;
    }
}
