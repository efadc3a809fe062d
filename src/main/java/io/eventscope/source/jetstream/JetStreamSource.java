package io.eventscope.source.jetstream;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.TimelineWriter;
import io.eventscope.source.Completeness;
import io.eventscope.source.EventSource;
import io.eventscope.source.LiveTail;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.source.nats.NatsConnector;
import io.eventscope.source.nats.NatsEndpoint;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One or more JetStream streams read as one timeline: a plain stream ({@code nats://host/stream}) or the
 * partition streams of a Memphis station. Read-only and traceless: ephemeral ordered consumers (AckNone)
 * only, deleted when done; no acks, no durables, no writes.
 *
 * <p>Several streams are merged by broker time, then partition, then sequence while they are read
 * ({@link StreamMerge} over one ordered consumer per stream), so nothing is buffered beyond the consumers'
 * prefetch.
 */
public final class JetStreamSource implements EventSource {
    /** How long a load waits without any message before it gives up on the broker. */
    static final long DEFAULT_STALL_MILLIS = 30_000;

    private final NatsEndpoint endpoint;
    private final Connection connection;
    private final String displayName;
    private final String defaultEntity;
    private final List<StreamRef> streams;
    private final MessageChecks checks = new MessageChecks();
    private long stallMillis = DEFAULT_STALL_MILLIS;
    private long[] followFrom;
    private volatile Completeness completeness = Completeness.NONE;
    private final List<StreamFollower> tails = new java.util.concurrent.CopyOnWriteArrayList<>();

    public JetStreamSource(NatsEndpoint endpoint, Connection connection, String displayName, String defaultEntity,
                           List<StreamRef> streams) {
        this.endpoint = endpoint;
        this.connection = connection;
        this.displayName = displayName;
        this.defaultEntity = defaultEntity;
        this.streams = List.copyOf(streams);
    }

    /** Opens {@code nats://host:port/stream}: connects and checks that the stream exists. */
    public static JetStreamSource open(NatsEndpoint endpoint) throws SourceException {
        Connection connection = NatsConnector.connect(endpoint);
        try {
            List<String> names = StreamCatalog.streamNames(connection, endpoint);
            if (!names.contains(endpoint.name())) {
                throw new SourceException("There is no stream " + endpoint.name() + " at " + endpoint.hostPort()
                        + "; " + StreamCatalog.describe("streams", names) + ".");
            }
            return new JetStreamSource(endpoint, connection, endpoint.displayName(), endpoint.name(),
                    List.of(new StreamRef(endpoint.name(), null, null)));
        } catch (SourceException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: how long a load may see no message at all before it reports the broker lost. */
    public void stallTimeoutMillis(long millis) {
        this.stallMillis = millis;
    }

    public List<StreamRef> streams() {
        return streams;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String defaultEntity() {
        return defaultEntity;
    }

    @Override
    public CoordinateKind coordinateKind() {
        return CoordinateKind.SEQUENCE;
    }

    @Override
    public Completeness completeness() {
        return completeness;
    }

    @Override
    public void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled)
            throws SourceException {
        List<StreamCursor> cursors = new ArrayList<>();
        try {
            StreamCursor.openAll(connection, streams, (i, bounds) -> requestedFrom(window, bounds), true,
                    window.since(), cursors);
            new StreamMerge(cursors, new TimelineAppender(writer, streams, checks), stallMillis, endpoint)
                    .run(window.last() > 0 && streams.size() > 1 ? (int) Math.min(window.last(), Integer.MAX_VALUE) : 0,
                            progress, cancelled);
            followFrom = new long[cursors.size()];
            for (StreamCursor c : cursors) {
                followFrom[c.index] = c.done() ? c.bounds.lastSequence() + 1 : c.lastDelivered() + 1;
            }
        } catch (IOException e) {
            throw StreamCatalog.translate(endpoint, e);
        } catch (JetStreamApiException e) {
            throw StreamCatalog.translate(endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("Loading " + displayName + " was interrupted; the events read so far are kept.");
        } finally {
            writer.awaitDecoded(); // whatever ended the load, every message read so far becomes visible
            List<Completeness.StreamExtent> extents = new ArrayList<>();
            for (StreamCursor c : cursors) {
                extents.add(c.extent());
                c.close();
            }
            completeness = new Completeness(extents, checks.deadLetterResends(), checks.duplicateIds());
        }
    }

    /**
     * The streams' message counts (stream info only), or -1 when a subject filter reads part of a
     * stream (its count covers every subject).
     */
    @Override
    public long positionCount() throws SourceException {
        io.eventscope.source.SourceSize size = sizeUpFront();
        return size == null ? -1 : size.positions();
    }

    /** The streams' message count and stored bytes (stream info only); null when a subject filter reads part of one. */
    @Override
    public io.eventscope.source.SourceSize sizeUpFront() throws SourceException {
        long count = 0;
        long bytes = 0;
        try {
            for (StreamRef ref : streams) {
                if (ref.filterSubject() != null) {
                    return null;
                }
                var state = connection.jetStreamManagement().getStreamInfo(ref.stream()).getStreamState();
                count += state.getMsgCount();
                bytes += state.getByteCount();
            }
            return new io.eventscope.source.SourceSize(count, bytes, false);
        } catch (IOException e) {
            throw StreamCatalog.translate(endpoint, e);
        } catch (JetStreamApiException e) {
            throw StreamCatalog.translate(endpoint, e);
        }
    }

    /** First stream sequence a window asks for; 0 when the window is by time. */
    static long requestedFrom(LoadWindow window, StreamBounds bounds) {
        if (window.since() != null) {
            return 0;
        }
        if (window.last() > 0) {
            return Math.max(1, bounds.lastSequence() - window.last() + 1);
        }
        return Math.max(1, window.fromPosition());
    }

    @Override
    public boolean supportsFollow() {
        return true;
    }

    @Override
    public LiveTail follow(TimelineWriter writer, Consumer<SourceException> onError) throws SourceException {
        if (followFrom == null) {
            throw new SourceException("Load " + displayName + " before following it.");
        }
        StreamFollower tail = StreamFollower.start(connection, endpoint, streams, followFrom.clone(),
                new TimelineAppender(writer, streams, checks), onError);
        tails.add(tail);
        return tail;
    }

    /** Stops any live tail, then disconnects. */
    @Override
    public void close() {
        tails.forEach(StreamFollower::close);
        tails.clear();
        closeQuietly(connection);
    }
}
