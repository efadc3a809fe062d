package io.eventscope.audit;

import io.eventscope.event.Flag;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Timeline;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The flagged events of a timeline grouped by reason, in position order within each group. */
public final class FlagReport {
    /** One flagged event: where it is and every reason it was flagged (beyond a streamed report's details: none). */
    public record Finding(int position, String coordinates, List<Flag> flags) {
    }

    private final Map<FlagKind, List<Finding>> byKind = new EnumMap<>(FlagKind.class);
    private int positions;
    private int flagged;

    private FlagReport() {
    }

    public static FlagReport of(Timeline timeline) {
        Streaming streaming = new Streaming(Integer.MAX_VALUE);
        streaming.accept(timeline);
        return streaming.report();
    }

    /**
     * Builds a report burst by burst as a streaming load reads ({@code accept} each held burst). Counts
     * stay exact; each reason keeps its first {@code details} findings whole and only the positions of
     * the rest (what {@code verify}'s text shows), so memory is 4 bytes per further flagged event.
     */
    public static final class Streaming implements Consumer<Timeline> {
        private final FlagReport report = new FlagReport();
        private final int details;

        public Streaming(int details) {
            this.details = Math.max(0, details);
        }

        @Override
        public void accept(Timeline timeline) {
            int size = timeline.size();
            int base = timeline.discarded();
            for (int i = 0; i < size; i++) {
                if (!timeline.isFlagged(i)) {
                    continue;
                }
                report.flagged++;
                List<Flag> flags = timeline.flagsAt(i);
                int position = base + i + 1;
                Finding finding = new Finding(position, timeline.coordinatesAt(i).toString(), flags);
                flags.stream().map(Flag::kind).distinct().forEach(kind -> ((Findings) report.byKind
                        .computeIfAbsent(kind, k -> new Findings(details))).add(finding));
            }
            report.positions = base + size;
        }

        public FlagReport report() {
            return report;
        }
    }

    /** One reason's findings: the first {@code details} whole, then positions only. */
    private static final class Findings extends AbstractList<Finding> {
        private final List<Finding> whole = new ArrayList<>();
        private final int details;
        private int[] rest = new int[0];
        private int restCount;

        Findings(int details) {
            this.details = details;
        }

        @Override
        public boolean add(Finding f) {
            if (whole.size() < details) {
                whole.add(f);
            } else {
                if (restCount == rest.length) {
                    rest = Arrays.copyOf(rest, Math.max(16, restCount * 2));
                }
                rest[restCount++] = f.position();
            }
            return true;
        }

        @Override
        public Finding get(int index) {
            return index < whole.size() ? whole.get(index) : new Finding(rest[index - whole.size()], "", List.of());
        }

        @Override
        public int size() {
            return whole.size() + restCount;
        }
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
