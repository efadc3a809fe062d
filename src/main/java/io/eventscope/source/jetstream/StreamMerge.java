package io.eventscope.source.jetstream;

import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadStatus;
import io.eventscope.source.SourceException;
import io.eventscope.source.nats.NatsEndpoint;
import io.nats.client.Message;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The k-way merge of one ordered consumer per stream into timeline order (broker time, partition,
 * sequence), appending as it goes and reporting progress. A stream's end comes from its cursor, never
 * from a quiet moment; only a broker that sends nothing at all for the stall timeout ends the load early.
 */
final class StreamMerge {
    private final List<StreamCursor> cursors;
    private final TimelineAppender appender;
    private final long stallMillis;
    private final NatsEndpoint endpoint;
    /** After this much silence, ask whether the streams still exist (a deleted stream is silent). */
    static final long PROBE_AFTER_MILLIS = 2_000;

    StreamMerge(List<StreamCursor> cursors, TimelineAppender appender, long stallMillis, NatsEndpoint endpoint) {
        this.cursors = cursors;
        this.appender = appender;
        this.stallMillis = stallMillis;
        this.endpoint = endpoint;
    }

    void run(int lastN, LoadProgress progress, BooleanSupplier cancelled)
            throws SourceException, InterruptedException {
        int n = cursors.size();
        Message[] heads = new Message[n];
        long[] headTime = new long[n];
        long[] headSeq = new long[n];
        long total = 0;
        for (StreamCursor c : cursors) {
            total = c.expectedTotal() < 0 || total < 0 ? -1 : total + c.expectedTotal();
        }
        long atMost = 0;
        for (StreamCursor c : cursors) {
            atMost += c.expectedAtMost();
        }
        long expected = lastN > 0 ? Math.min(lastN, atMost) : atMost;
        appender.expect(expected);
        // Progress needs a total while loading: the broker's count when it gave one, else the bound.
        long progressTotal = total >= 0 ? total : expected > 0 ? expected : -1;
        LastEvents last = lastN > 0 ? new LastEvents(lastN) : null;
        long started = System.nanoTime();
        long lastMessage = started;
        boolean messageSinceClock = false;
        long lastReport = started;
        long lastProbe = started;
        long taken = 0;
        while (true) {
            for (int i = 0; i < n; i++) {
                StreamCursor c = cursors.get(i);
                while (heads[i] == null && !c.done()) {
                    Message m = c.next(200);
                    if (m != null) {
                        heads[i] = m;
                        headTime[i] = MessageView.brokerTime(m);
                        headSeq[i] = MessageView.sequence(m);
                        messageSinceClock = true;
                    } else {
                        // The clock is read only after an empty wait, not per message: the stall is then
                        // measured from at most one wait after the last message.
                        long now = System.nanoTime();
                        if (messageSinceClock) {
                            lastMessage = now;
                            messageSinceClock = false;
                        }
                        appender.flush();
                        if (cancelled.getAsBoolean()) {
                            return;
                        }
                        if ((now - lastMessage) / 1_000_000 > PROBE_AFTER_MILLIS
                                && (now - lastProbe) / 1_000_000 > PROBE_AFTER_MILLIS) {
                            lastProbe = now;
                            deletedCheck(taken);
                        }
                        if ((now - lastMessage) / 1_000_000 > stallMillis) {
                            throw new SourceException("The broker at " + endpoint.hostPort() + " sent nothing for "
                                    + stallMillis / 1000 + " s (" + taken + " events read); check the broker and "
                                    + "load again.");
                        }
                        report(progress, taken, progressTotal, started, now);
                    }
                }
            }
            int pick = -1;
            for (int i = 0; i < n; i++) {
                if (heads[i] != null && (pick < 0 || StreamOrder.compare(headTime[i], i, headSeq[i],
                        headTime[pick], pick, headSeq[pick]) < 0)) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            if (last != null) {
                last.add(heads[pick], pick);
            } else {
                appender.buffer(heads[pick], pick, headSeq[pick], headTime[pick]);
            }
            heads[pick] = null;
            taken++;
            if ((taken & 1023) == 0) {
                long now = System.nanoTime();
                if (now - lastReport > 200_000_000L) {
                    lastReport = now;
                    appender.flush();
                    report(progress, taken, progressTotal, started, now);
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                }
            }
        }
        appender.flush();
        if (last != null) {
            last.flushTo(appender);
        }
        report(progress, taken, total < 0 ? taken : total, started, System.nanoTime());
    }

    private void deletedCheck(long taken) throws SourceException {
        for (StreamCursor c : cursors) {
            if (!c.done() && c.vanished()) {
                throw deleted(endpoint, c.ref.stream(), taken + " events read; they are kept");
            }
        }
    }

    static SourceException deleted(NatsEndpoint endpoint, String stream, String kept) {
        return new SourceException("The stream " + stream + " was deleted from " + endpoint.hostPort()
                + " while it was read (" + kept + ").");
    }

    private static void report(LoadProgress progress, long loaded, long total, long started, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double fraction = total > 0 ? Math.min(1.0, (double) loaded / total) : total == 0 ? 1.0 : -1;
        progress.update(new LoadStatus(loaded, total, fraction, loaded / seconds));
    }
}
