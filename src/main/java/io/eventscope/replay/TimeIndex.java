package io.eventscope.replay;

import io.eventscope.event.Timeline;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Maps an instant to the events whose time (effective time, or broker time: one index per clock) is at
 * or before it. Usually times only grow,
 * and the answer is a prefix found by binary search over the timeline's time column. Late events
 * (older than something before them) are remembered so that they are still counted: the answer is then
 * the prefix up to where the running maximum passes the instant, plus the late events after it.
 */
final class TimeIndex {
    private final Timeline timeline;
    private final IntToLongFunction time;
    private int indexed;
    private long runningMax = Long.MIN_VALUE;
    private long[] prefixMax; // allocated only once a late event is seen
    private int[] late = new int[0];
    private int lateCount;

    /** Over the effective time (event time, else broker time). */
    TimeIndex(Timeline timeline) {
        this(timeline, timeline::effectiveTimeAt);
    }

    /**
     * Over another clock of the same timeline. An event without that clock ({@code EventTimes.NONE}, the
     * smallest long) is a late event that never raises the running maximum: a prefix ends after it when it
     * ends after the event before it.
     */
    TimeIndex(Timeline timeline, IntToLongFunction time) {
        this.timeline = timeline;
        this.time = time;
    }

    private void extend() {
        int size = timeline.size();
        for (int i = indexed; i < size; i++) {
            long t = time.applyAsLong(i);
            if (t < runningMax) {
                if (prefixMax == null) {
                    prefixMax = new long[Math.max(size, 16)];
                    for (int k = 0; k < i; k++) {
                        prefixMax[k] = time.applyAsLong(k);
                    }
                }
                if (lateCount == late.length) {
                    late = Arrays.copyOf(late, Math.max(16, lateCount * 2));
                }
                late[lateCount++] = i;
            } else {
                runningMax = t;
            }
            if (prefixMax != null) {
                if (i >= prefixMax.length) {
                    prefixMax = Arrays.copyOf(prefixMax, Math.max(size, prefixMax.length * 2));
                }
                prefixMax[i] = runningMax;
            }
        }
        indexed = size;
    }

    /** Number of leading events all at or before {@code t} (in epoch nanos). */
    int prefixEnd(long t) {
        extend();
        int lo = 0;
        int hi = indexed; // answer in [lo, hi]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long m = prefixMax != null ? prefixMax[mid] : time.applyAsLong(mid);
            if (m <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** 0-based indexes at or after {@code from} of late events at or before {@code t}, in order. */
    int[] lateAtOrBefore(int from, long t) {
        int start = Arrays.binarySearch(late, 0, lateCount, from);
        if (start < 0) {
            start = -start - 1;
        }
        int[] out = new int[lateCount - start];
        int n = 0;
        for (int k = start; k < lateCount; k++) {
            if (time.applyAsLong(late[k]) <= t) {
                out[n++] = late[k];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
