package io.eventscope.source.jetstream;

import io.eventscope.source.DaemonThread;
import io.eventscope.source.LiveTail;
import io.eventscope.source.SourceException;
import io.eventscope.source.nats.NatsEndpoint;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live tail of one or more streams: ordered consumers starting right after what the load read,
 * appending what arrives on a thread of its own. Messages that arrive together from several partitions
 * are appended in timeline order (broker time, partition, sequence).
 */
final class StreamFollower implements LiveTail {
    private static final long LOST_AFTER_MILLIS = 15_000;

    private final List<StreamCursor> cursors;
    private final TimelineAppender appender;
    private final Connection connection;
    private final NatsEndpoint endpoint;
    private final Consumer<SourceException> onError;
    private final ExecutorService executor;
    private volatile boolean closed;

    private StreamFollower(List<StreamCursor> cursors, TimelineAppender appender, Connection connection,
                           NatsEndpoint endpoint, Consumer<SourceException> onError) {
        this.cursors = cursors;
        this.appender = appender;
        this.connection = connection;
        this.endpoint = endpoint;
        this.onError = onError;
        this.executor = DaemonThread.named("eventscope-follow-" + endpoint.name());
    }

    static StreamFollower start(Connection connection, NatsEndpoint endpoint, List<StreamRef> streams, long[] from,
                                TimelineAppender appender, Consumer<SourceException> onError)
            throws SourceException {
        List<StreamCursor> cursors = new ArrayList<>();
        try {
            StreamCursor.openAll(connection, streams, (i, bounds) -> Math.max(1, from[i]), false, null, cursors);
        } catch (IOException e) {
            cursors.forEach(StreamCursor::close);
            throw StreamCatalog.translate(endpoint, e);
        } catch (JetStreamApiException e) {
            cursors.forEach(StreamCursor::close);
            throw StreamCatalog.translate(endpoint, e);
        }
        StreamFollower follower = new StreamFollower(cursors, appender, connection, endpoint, onError);
        follower.executor.execute(follower::run);
        return follower;
    }

    private void run() {
        record Arrival(Message message, int stream, long time, long seq) {
        }
        List<Arrival> batch = new ArrayList<>();
        long disconnectedSince = 0;
        boolean reported = false;
        long quietSince = System.nanoTime();
        try {
            while (!closed) {
                batch.clear();
                for (StreamCursor c : cursors) {
                    Message m = c.next(batch.isEmpty() ? Math.max(10, 100 / cursors.size()) : 1);
                    while (m != null && batch.size() < 10_000) {
                        batch.add(new Arrival(m, c.index, MessageView.brokerTime(m), MessageView.sequence(m)));
                        m = c.next(1);
                    }
                    if (m != null) {
                        batch.add(new Arrival(m, c.index, MessageView.brokerTime(m), MessageView.sequence(m)));
                    }
                }
                batch.sort((a, b) -> StreamOrder.compare(a.time, a.stream, a.seq, b.time, b.stream, b.seq));
                for (Arrival a : batch) {
                    if (closed) {
                        return;
                    }
                    appender.append(a.message, a.stream, a.seq, a.time);
                }
                if (connection.getStatus() == Connection.Status.CONNECTED) {
                    disconnectedSince = 0;
                    reported = false;
                    if (!batch.isEmpty()) {
                        quietSince = System.nanoTime();
                    } else if ((System.nanoTime() - quietSince) / 1_000_000 > StreamMerge.PROBE_AFTER_MILLIS) {
                        quietSince = System.nanoTime();
                        for (StreamCursor c : cursors) {
                            if (c.vanished()) {
                                onError.accept(StreamMerge.deleted(endpoint, c.ref.stream(),
                                        "following stopped; the events so far are kept"));
                                return;
                            }
                        }
                    }
                } else if (disconnectedSince == 0) {
                    disconnectedSince = System.nanoTime();
                } else if (!reported && (System.nanoTime() - disconnectedSince) / 1_000_000 > LOST_AFTER_MILLIS) {
                    reported = true;
                    onError.accept(new SourceException("Lost the connection to " + endpoint.hostPort()
                            + "; still retrying, and new events will appear when the broker is back."));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            onError.accept(new SourceException("Following " + endpoint.name() + " stopped (" + e.getMessage()
                    + "); the events so far are kept.", e));
        } finally {
            cursors.forEach(StreamCursor::close);
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
