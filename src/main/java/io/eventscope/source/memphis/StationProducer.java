package io.eventscope.source.memphis;

import io.eventscope.source.SourceException;
import io.eventscope.source.jetstream.MessageChecks;
import io.eventscope.source.jetstream.StreamCatalog;
import io.eventscope.source.jetstream.StreamPublisher;
import io.eventscope.source.nats.NatsConnector;
import io.eventscope.source.nats.NatsEndpoint;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into a Memphis station the way Memphis producers do (headers {@code $memphis_connectionId},
 * {@code $memphis_producedBy}, {@code msg-id}; round-robin over the partition streams), or into a plain
 * JetStream stream. Creates streams only when asked to.
 */
public final class StationProducer {
    /** Producer name written into {@code $memphis_producedBy}. */
    public static final String PRODUCER_NAME = "eventscope";

    private final NatsEndpoint endpoint;

    public StationProducer(NatsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** What was written: how many messages into which streams. */
    public record Result(long messages, List<String> streams, boolean created) {
    }

    /**
     * @param partitions the number of partitions to create, or to expect (0: whatever exists, 1 on create)
     */
    public Result produce(InputStream lines, int partitions, boolean create) throws SourceException {
        try (Connection connection = NatsConnector.connect(endpoint, "eventscope-produce")) {
            JetStreamManagement jsm = connection.jetStreamManagement();
            List<String> names = StreamCatalog.streamNames(connection, endpoint);
            Target target = endpoint.memphis() ? stationTarget(jsm, names, partitions, create)
                    : streamTarget(jsm, names, create);
            String connectionId = UUID.randomUUID().toString();
            long n = new StreamPublisher(connection, endpoint).publish(lines, target.subjects,
                    endpoint.memphis() ? i -> new Headers()
                            .put(MessageChecks.CONNECTION_ID, connectionId)
                            .put(MessageChecks.PRODUCED_BY, PRODUCER_NAME)
                            .put(MessageChecks.MESSAGE_ID, connectionId + "-" + (i + 1)) : null);
            return new Result(n, target.streams, target.created);
        } catch (IOException e) {
            throw StreamCatalog.translate(endpoint, e);
        } catch (JetStreamApiException e) {
            throw new SourceException("The broker at " + endpoint.hostPort() + " refused to create a stream ("
                    + e.getErrorDescription() + "); check this user's permissions.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("Producing was interrupted.");
        }
    }

    private record Target(List<String> streams, List<String> subjects, boolean created) {
    }

    private Target stationTarget(JetStreamManagement jsm, List<String> names, int partitions, boolean create)
            throws SourceException, IOException, JetStreamApiException {
        StationName station = StationName.of(endpoint.name());
        StationLayout layout = StationLayout.find(station, names);
        if (layout != null) {
            if (partitions > 0 && partitions != layout.partitions()) {
                throw new SourceException("Station " + station.display() + " already has " + layout.partitions()
                        + " partition" + (layout.partitions() == 1 ? "" : "s") + ", not " + partitions
                        + "; leave out --partitions or use another station.");
            }
            return new Target(layout.streams(), layout.streams().stream().map(StationName::finalSubject).toList(),
                    false);
        }
        if (!create) {
            throw new SourceException("There is no station " + station.display() + " at " + endpoint.hostPort()
                    + "; add --create to create it (with --partitions P).");
        }
        int p = Math.max(1, partitions);
        List<String> streams = new ArrayList<>();
        for (int i = 1; i <= p; i++) {
            String stream = station.partitionStream(i);
            jsm.addStream(StreamConfiguration.builder().name(stream).subjects(stream + ".>")
                    .storageType(StorageType.File).build());
            streams.add(stream);
        }
        return new Target(streams, streams.stream().map(StationName::finalSubject).toList(), true);
    }

    private Target streamTarget(JetStreamManagement jsm, List<String> names, boolean create)
            throws SourceException, IOException, JetStreamApiException {
        String stream = endpoint.name();
        if (!names.contains(stream)) {
            if (!create) {
                throw new SourceException("There is no stream " + stream + " at " + endpoint.hostPort()
                        + "; add --create to create it.");
            }
            jsm.addStream(StreamConfiguration.builder().name(stream).subjects(stream)
                    .storageType(StorageType.File).build());
            return new Target(List.of(stream), List.of(stream), true);
        }
        StreamInfo info = jsm.getStreamInfo(stream);
        String subject = info.getConfiguration().getSubjects().stream()
                .filter(s -> !s.contains("*") && !s.contains(">")).findFirst()
                .orElseThrow(() -> new SourceException("Stream " + stream + " has only wildcard subjects ("
                        + String.join(", ", info.getConfiguration().getSubjects())
                        + "); publish to it with a NATS tool instead."));
        return new Target(List.of(stream), List.of(subject), false);
    }

    /** Convenience for tests and the command: publish a file. */
    public Result produce(java.nio.file.Path file, int partitions, boolean create) throws SourceException {
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
            return produce(in, partitions, create);
        } catch (IOException e) {
            throw new SourceException("The file " + file + " cannot be read; check the path.");
        }
    }
}
