package io.eventscope.load;

import io.eventscope.event.EventTimes;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.EventSource;
import io.eventscope.source.SourceException;
import java.time.Instant;

/**
 * Where a held window "since an instant" starts: the first position whose effective time (event time,
 * else broker time, else the time before it) is at or after the instant. Found by streaming the source
 * once, holding one burst at a time; past the end when no event is that late.
 */
final class FirstSince {
    private FirstSince() {
    }

    /** Before 1678 or after 2261 (beyond a long of nanoseconds): before every event, or after them all. */
    private static long nanos(Instant since) {
        try {
            return EventTimes.toNanos(since);
        } catch (ArithmeticException beyond) {
            return since.isBefore(Instant.EPOCH) ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
    }

    static int of(EventSource source, ProjectionSpec spec, Instant since) throws SourceException {
        long t = nanos(since);
        int[] found = {-1};
        StreamingLoad.Streamed read = StreamingLoad.under(spec).read(source, (timeline, s) -> held -> {
            for (int i = 0; i < held.size() && found[0] < 0; i++) {
                long time = held.effectiveTimeAt(i);
                if (time != EventTimes.NONE && time >= t) {
                    found[0] = held.discarded() + i + 1;
                }
            }
        });
        return found[0] > 0 ? found[0] : read.positions() + 1;
    }
}
