package io.eventscope.source.jetstream;

import io.eventscope.event.EventTimes;
import io.eventscope.source.Completeness;
import io.nats.client.ConsumeOptions;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.StreamContext;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one stream in sequence order through an ephemeral ordered consumer (AckNone, no durable, deleted
 * by the server when idle), up to the stream's last sequence as captured when the load started.
 *
 * <p>The end is decided from that captured last sequence and the pending count the broker sends with
 * each message, never from a timeout: after a server restart the ordered consumer re-creates itself from
 * the last delivered sequence, and {@code nextMessage} returns null meanwhile.
 */
final class StreamCursor implements AutoCloseable {
    private static final int BATCH = 1000;
    private static final long EXPIRES_MILLIS = 2_000; // idle heartbeat follows from it: stalls are noticed within seconds

    final StreamRef ref;
    final int index;
    final StreamBounds bounds;
    private final long requestedFrom;
    private final boolean untilNow;
    private IterableConsumer consumer;
    private StreamContext stream;
    private JetStreamManagement jsm;
    private boolean done;
    private long expectedTotal = -1;
    private long lastDelivered;
    private long delivered;
    private final List<Completeness.Gap> gaps = new ArrayList<>();

    /**
     * @param requestedFrom first sequence asked for (1 for everything; 0 when the window is by time)
     * @param untilNow      stop at the bounds' last sequence (a load); false keeps reading (a live tail)
     */
    StreamCursor(StreamRef ref, int index, StreamBounds bounds, long requestedFrom, boolean untilNow) {
        this.ref = ref;
        this.index = index;
        this.bounds = bounds;
        this.requestedFrom = requestedFrom;
        this.untilNow = untilNow;
    }

    /** The first sequence to read from stream {@code index}, given its bounds when the read starts. */
    @FunctionalInterface
    interface FirstSequence {
        long of(int index, StreamBounds bounds);
    }

    /**
     * Opens one cursor per stream, in order, each from the stream's current bounds. Every cursor is added
     * to {@code into} before it opens, so that after a failure the caller can close all it got.
     */
    static void openAll(Connection connection, List<StreamRef> streams, FirstSequence first, boolean untilNow,
                        Instant since, List<StreamCursor> into) throws IOException, JetStreamApiException {
        JetStream js = connection.jetStream();
        JetStreamManagement jsm = connection.jetStreamManagement();
        for (int i = 0; i < streams.size(); i++) {
            StreamInfo info = jsm.getStreamInfo(streams.get(i).stream());
            StreamRef ref = streams.get(i).coveredBy(info.getConfiguration().getSubjects());
            StreamBounds bounds = StreamBounds.of(info.getStreamState());
            StreamCursor cursor = new StreamCursor(ref, i, bounds, first.of(i, bounds), untilNow);
            into.add(cursor);
            cursor.jsm = jsm;
            cursor.open(js.getStreamContext(ref.stream()), since);
        }
    }

    /** Creates the consumer; afterwards {@link #done()} is true when the window holds nothing. */
    void open(StreamContext stream, Instant since) throws IOException, JetStreamApiException {
        if (untilNow && (bounds.empty() || requestedFrom > bounds.lastSequence()
                || (since != null && bounds.lastTimeNanos() != EventTimes.NONE
                && EventTimes.toNanos(since) > bounds.lastTimeNanos()))) {
            done = true;
            expectedTotal = 0;
            return;
        }
        OrderedConsumerConfiguration config = new OrderedConsumerConfiguration();
        if (ref.filterSubject() != null) {
            config.filterSubject(ref.filterSubject());
        }
        if (since != null) {
            config.deliverPolicy(DeliverPolicy.ByStartTime).startTime(since.atZone(ZoneOffset.UTC));
        } else if (requestedFrom > 1) {
            config.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(requestedFrom);
        } else {
            config.deliverPolicy(DeliverPolicy.All);
        }
        this.stream = stream;
        consumer = stream.createOrderedConsumer(config)
                .iterate(ConsumeOptions.builder().batchSize(BATCH).expiresIn(EXPIRES_MILLIS).build());
        ConsumerInfo info = consumer.getCachedConsumerInfo();
        if (info != null) {
            expectedTotal = info.getNumPending();
            if (untilNow && expectedTotal == 0) {
                done = true;
            }
        }
    }

    boolean done() {
        return done;
    }

    /** Messages the window holds as the broker counted them when the consumer was created, or -1. */
    long expectedTotal() {
        return expectedTotal;
    }

    /**
     * An upper bound of what the window holds, for sizing and progress: the broker's count when it gave
     * one (ordered consumers often do not), else what the stream held when the load started, from the
     * requested sequence on.
     */
    long expectedAtMost() {
        if (expectedTotal >= 0 || !untilNow) {
            return Math.max(expectedTotal, 0);
        }
        if (requestedFrom <= 1) {
            return bounds.messages();
        }
        long from = Math.max(requestedFrom, bounds.firstSequence());
        return Math.min(bounds.messages(), Math.max(0, bounds.lastSequence() - from + 1));
    }

    long lastDelivered() {
        return lastDelivered;
    }

    /**
     * The next message, or null when none arrived within {@code waitMillis} (not the end: see
     * {@link #done()}).
     */
    Message next(long waitMillis) throws InterruptedException {
        if (done) {
            return null;
        }
        Message m;
        try {
            m = consumer.nextMessage(waitMillis);
        } catch (JetStreamStatusCheckedException e) {
            return null; // a status the ordered consumer recovers from (it re-creates itself)
        }
        if (m == null) {
            return null;
        }
        long seq = MessageView.sequence(m);
        if (seq <= lastDelivered) {
            return null; // never deliver a sequence twice (defensive: the ordered consumer already guarantees it)
        }
        noteGap(seq);
        lastDelivered = seq;
        delivered++;
        if (untilNow && (seq >= bounds.lastSequence() || MessageView.pending(m) == 0)) {
            finish();
        }
        return m;
    }

    /**
     * Whether the broker says the stream no longer exists (asked with one stream-info request). An ordered
     * consumer of a deleted stream just stays silent, like a quiet stream; callers ask after a silence.
     * A vanished stream ends the cursor, and what it did not deliver becomes a gap.
     */
    boolean vanished() {
        if (jsm == null || done && !untilNow) {
            return false;
        }
        try {
            jsm.getStreamInfo(ref.stream());
            return false;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != 10059 && e.getErrorCode() != 404) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            return false; // no answer is a broker problem, not a deleted stream: the stall rules handle it
        }
        if (untilNow && lastDelivered < bounds.lastSequence()) {
            gaps.add(new Completeness.Gap(lastDelivered + 1, bounds.lastSequence(), "the stream was deleted while it was read"));
        }
        done = true;
        stop();
        return true;
    }

    private void noteGap(long seq) {
        long expected = lastDelivered > 0 ? lastDelivered + 1 : requestedFrom > 0 ? requestedFrom : seq;
        if (seq > expected) {
            gaps.add(gap(expected, seq - 1));
        }
    }

    private Completeness.Gap gap(long from, long to) {
        String reason = to < bounds.firstSequence()
                ? "before the stream's first sequence " + bounds.firstSequence() + " (deleted or expired)"
                : "not delivered (deleted, expired, acknowledged away"
                + (ref.filterSubject() == null ? "" : ", or not on " + ref.filterSubject()) + ")";
        return new Completeness.Gap(from, to, reason);
    }

    private void finish() {
        done = true;
        if (untilNow && lastDelivered > 0 && lastDelivered < bounds.lastSequence()) {
            gaps.add(gap(lastDelivered + 1, bounds.lastSequence()));
        }
        stop();
    }

    Completeness.StreamExtent extent() {
        List<Completeness.Gap> all = new ArrayList<>(gaps);
        if (delivered == 0 && untilNow && requestedFrom > 0 && requestedFrom <= bounds.lastSequence()
                && bounds.lastSequence() > 0 && all.isEmpty()) {
            all.add(gap(requestedFrom, bounds.lastSequence())); // the stream had sequences, none survived
        }
        return new Completeness.StreamExtent(ref.stream(), bounds.firstSequence(), bounds.lastSequence(),
                requestedFrom, delivered, all);
    }

    private void stop() {
        if (consumer != null) {
            String name = consumer.getConsumerName();
            try {
                consumer.close();
            } catch (Exception ignored) {
                // closing a consumer of a lost connection: nothing left to release
            }
            try {
                // Leave no trace: remove the ephemeral consumer now rather than when the broker expires it.
                if (name != null) {
                    stream.deleteConsumer(name);
                }
            } catch (Exception ignored) {
                // already gone (the broker removes idle ephemeral consumers by itself)
            }
            consumer = null;
        }
    }

    @Override
    public void close() {
        done = true;
        stop();
    }
}
