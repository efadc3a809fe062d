package io.eventscope.testing;

import io.eventscope.event.Flag;
import io.eventscope.event.HeaderBlock;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import java.util.List;

/**
 * A timeline writer that runs a fault (a kill) on the loading thread itself, right after the message that makes
 * {@code killAt} stored. Polling the timeline from another thread lags the read (staged messages become visible
 * up to 4,096 at a time, and a fast load can end between two polls), so a kill aimed that way could land after
 * the whole read; this one lands mid-read every time.
 */
public final class KillingWriter extends TimelineWriter {
    private final int killAt;
    private final Runnable kill;
    private volatile int atKill = -1;

    public KillingWriter(Timeline timeline, int killAt, Runnable kill) {
        super(timeline);
        this.killAt = killAt;
        this.kill = kill;
    }

    @Override
    public int stage(byte[] buf, int offset, int length, String partition, long sequence, long brokerTime,
                     HeaderBlock headers, List<Flag> sourceFlags) {
        int position = super.stage(buf, offset, length, partition, sequence, brokerTime, headers, sourceFlags);
        if (atKill < 0 && appended() >= killAt) {
            atKill = appended();
            kill.run();
        }
        return position;
    }

    /** Messages stored when the fault ran, or -1 if the read never reached {@code killAt}. */
    public int atKill() {
        return atKill;
    }
}
