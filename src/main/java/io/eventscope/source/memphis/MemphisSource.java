package io.eventscope.source.memphis;

import io.eventscope.source.SourceException;
import io.eventscope.source.jetstream.JetStreamSource;
import io.eventscope.source.jetstream.StreamCatalog;
import io.eventscope.source.nats.NatsConnector;
import io.eventscope.source.nats.NatsEndpoint;
import io.nats.client.Connection;
import java.util.List;

/** Opens a Memphis station ({@code memphis://host:6666/station}) as a read-only JetStream source. */
public final class MemphisSource {
    private MemphisSource() {
    }

    public static JetStreamSource open(NatsEndpoint endpoint) throws SourceException {
        StationName station = StationName.of(endpoint.name());
        Connection connection = NatsConnector.connect(endpoint);
        try {
            List<String> names = StreamCatalog.streamNames(connection, endpoint);
            StationLayout layout = StationLayout.find(station, names);
            if (layout == null) {
                throw new SourceException("There is no station " + station.display() + " at " + endpoint.hostPort()
                        + " (no stream " + station.internal() + " or " + station.internal() + "$N); "
                        + StreamCatalog.describe("stations", StationLayout.stationNames(names)) + " ("
                        + StreamCatalog.describe("streams", names) + ", each read with nats://" + endpoint.hostPort()
                        + "/STREAM).");
            }
            NatsEndpoint named = endpoint.withName(station.display());
            return new JetStreamSource(named, connection, named.displayName(), station.display(), layout.refs());
        } catch (SourceException | RuntimeException e) {
            try {
                connection.close();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }
}
