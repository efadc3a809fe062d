package io.eventscope.ui.chart;

import io.eventscope.event.Timeline;
import io.eventscope.replay.Effects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the charted entities' series of one decimal state field (e.g. the balance) in one
 * pass over the timeline, folding each event through the replay's own rules ({@link Effects}), and
 * extends them as the timeline grows. Used by one background computation at a time.
 */
final class SeriesBuilder {
    /** Points drawn per series at most; plenty for any screen width. */
    static final int DRAWN_POINTS = 4_000;

    private final Timeline timeline;
    private final Effects effects;
    private final List<String> entities;
    private final Map<Integer, Integer> seriesOfEntityId = new HashMap<>();
    private final int[][] positions;
    private final double[][] values;
    private final int[] counts;
    private int scanned;
    private final java.util.function.UnaryOperator<String> labels;

    SeriesBuilder(Timeline timeline, Effects effects, List<String> entities) {
        this(timeline, effects, entities, id -> id);
    }

    /** @param labels an entity id as the legend shows it (asked at each snapshot, so a reveal shows at the next) */
    SeriesBuilder(Timeline timeline, Effects effects, List<String> entities,
                  java.util.function.UnaryOperator<String> labels) {
        this.labels = labels;
        this.timeline = timeline;
        this.effects = effects;
        this.entities = List.copyOf(entities);
        int n = this.entities.size();
        positions = new int[n][64];
        values = new double[n][64];
        counts = new int[n];
    }

    List<String> entities() {
        return entities;
    }

    Timeline timeline() {
        return timeline;
    }

    /** Folds positions up to {@code size} into the series and returns drawable snapshots. */
    List<BalanceSeries> extendTo(int size) {
        resolveEntityIds();
        for (int i = scanned; i < size; i++) {
            Integer s = seriesOfEntityId.get(timeline.entityIdAt(i));
            if (s == null || timeline.isFlagged(i)) {
                continue;
            }
            // Each series is its entity's whole state, folded by the replay's interpreter; the chart draws one field.
            add(s, i + 1, effects.advance(s, i).doubleValue()); // a point per position: index i is position i + 1
        }
        scanned = Math.max(scanned, size);
        List<BalanceSeries> out = new ArrayList<>(entities.size());
        for (int s = 0; s < entities.size(); s++) {
            int c = counts[s];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                min = Math.min(min, values[s][k]);
                max = Math.max(max, values[s][k]);
            }
            int[] drawn = Lttb.select(positions[s], values[s], c, DRAWN_POINTS);
            out.add(new BalanceSeries(entities.get(s), positions[s], values[s], c, drawn, min, max,
                    labels.apply(entities.get(s))));
        }
        return out;
    }

    private void resolveEntityIds() {
        if (seriesOfEntityId.size() == entities.size()) {
            return;
        }
        // Entity ids are interned as they appear; a live entity may show up later.
        for (int id = 0; id < timeline.entityCount(); id++) {
            int s = entities.indexOf(timeline.entityName(id));
            if (s >= 0) {
                seriesOfEntityId.put(id, s);
            }
        }
    }

    private void add(int s, int position, double value) {
        int c = counts[s];
        if (c == positions[s].length) {
            // Grow into new arrays: published snapshots keep the old ones untouched.
            positions[s] = Arrays.copyOf(positions[s], c * 2);
            values[s] = Arrays.copyOf(values[s], c * 2);
        }
        positions[s][c] = position;
        values[s][c] = value;
        counts[s] = c + 1;
    }
}
