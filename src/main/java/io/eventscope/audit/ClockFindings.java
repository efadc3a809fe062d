package io.eventscope.audit;

import io.eventscope.event.EventTimes;
import io.eventscope.event.Timeline;
import java.time.Duration;
import java.util.Arrays;

/**
 * The two clocks of a timeline compared: events whose event time and broker time disagree by more than the
 * projection's {@code clockSkew}, and events whose event time is earlier than that of the event before
 * them (the nearest earlier position with an event time). Files have no broker time, so only the second.
 */
public final class ClockFindings {
    private final Duration threshold;
    private int[] skewed = new int[0];
    private int skewedCount;
    private int[] backwards = new int[0];
    private int backwardsCount;

    private ClockFindings(Duration threshold) {
        this.threshold = threshold;
    }

    /** Nothing found (what an audit without a projection's clocks reports). */
    public static ClockFindings none() {
        return new ClockFindings(Duration.ZERO);
    }

    public static ClockFindings of(Timeline timeline, Duration threshold) {
        Streaming s = new Streaming(threshold);
        s.accept(timeline);
        return s.findings();
    }

    /**
     * The same found burst by burst for a streamed source ({@code Timeline.discarded()} events before each
     * burst): the previous event time carries over from one burst to the next.
     */
    public static final class Streaming implements java.util.function.Consumer<Timeline> {
        private final ClockFindings f;
        private final long limit;
        private long previous = EventTimes.NONE;

        public Streaming(Duration threshold) {
            this.f = new ClockFindings(threshold);
            this.limit = limitNanos(threshold);
        }

        @Override
        public void accept(Timeline timeline) {
            int base = timeline.discarded();
            for (int i = 0; i < timeline.size(); i++) {
                if (!timeline.hasEventTime(i)) {
                    continue;
                }
                long event = timeline.effectiveTimeAt(i);
                if (isSkewed(timeline, i, limit)) {
                    f.skewed = add(f.skewed, f.skewedCount++, base + i + 1);
                }
                if (previous != EventTimes.NONE && event < previous) {
                    f.backwards = add(f.backwards, f.backwardsCount++, base + i + 1);
                }
                previous = event;
            }
        }

        public ClockFindings findings() {
            return f;
        }
    }

    /** True when the event at {@code index} has both clocks and they differ by more than {@code threshold}. */
    public static boolean isSkewed(Timeline timeline, int index, Duration threshold) {
        return isSkewed(timeline, index, limitNanos(threshold));
    }

    /** True when the event at {@code index} has an event time earlier than that of the event before it. */
    public static boolean goesBackwards(Timeline timeline, int index) {
        if (!timeline.hasEventTime(index)) {
            return false;
        }
        for (int j = index - 1; j >= 0; j--) {
            if (timeline.hasEventTime(j)) {
                return timeline.effectiveTimeAt(index) < timeline.effectiveTimeAt(j);
            }
        }
        return false;
    }

    private static boolean isSkewed(Timeline timeline, int i, long limit) {
        long broker = timeline.brokerTimeAt(i);
        if (broker == EventTimes.NONE || !timeline.hasEventTime(i)) {
            return false;
        }
        try {
            long gap = Math.subtractExact(timeline.effectiveTimeAt(i), broker);
            return gap > limit || gap < -limit;
        } catch (ArithmeticException e) {
            return true; // centuries apart
        }
    }

    private static long limitNanos(Duration d) {
        return d.compareTo(Duration.ofDays(100_000)) > 0 ? Long.MAX_VALUE : d.toNanos();
    }

    private static int[] add(int[] a, int size, int position) {
        int[] out = size == a.length ? Arrays.copyOf(a, Math.max(16, size * 2)) : a;
        out[size] = position;
        return out;
    }

    /** The skew finding's name, e.g. "event and broker time more than 5m apart" (findings menu, banner, table). */
    public static String skewLabel(Duration threshold) {
        return "event and broker time more than "
                + threshold.toString().substring(2).toLowerCase(java.util.Locale.ROOT) + " apart";
    }

    /** The backwards finding's name. */
    public static final String BACKWARDS_LABEL = "event time earlier than the event before";

    public Duration threshold() {
        return threshold;
    }

    /** Positions (1-based, in order) whose clocks disagree by more than the threshold. */
    public int[] skewed() {
        return Arrays.copyOf(skewed, skewedCount);
    }

    /** Positions (1-based, in order) whose event time is earlier than the previous event's. */
    public int[] backwards() {
        return Arrays.copyOf(backwards, backwardsCount);
    }

    public int skewedCount() {
        return skewedCount;
    }

    public int backwardsCount() {
        return backwardsCount;
    }
}
