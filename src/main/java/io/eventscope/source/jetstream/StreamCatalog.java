package io.eventscope.source.jetstream;

import io.eventscope.source.SourceException;
import io.eventscope.source.nats.NatsEndpoint;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import java.io.IOException;
import java.util.List;

/** Listing the streams a broker holds, and JetStream failures as sentences a user can act on. */
public final class StreamCatalog {
    private static final int SHOWN = 20;

    private StreamCatalog() {
    }

    public static List<String> streamNames(io.nats.client.Connection connection, NatsEndpoint endpoint)
            throws SourceException {
        try {
            JetStreamManagement jsm = connection.jetStreamManagement();
            return jsm.getStreamNames().stream().sorted().toList();
        } catch (IOException e) {
            throw translate(endpoint, e);
        } catch (JetStreamApiException e) {
            throw translate(endpoint, e);
        }
    }

    /** "streams there: a, b, c" or "there are no streams there". */
    public static String describe(String what, List<String> names) {
        if (names.isEmpty()) {
            return "the broker has no " + what;
        }
        String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
        return what + " there: " + shown + (names.size() > SHOWN ? " and " + (names.size() - SHOWN) + " more" : "");
    }

    public static SourceException translate(NatsEndpoint endpoint, IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("timeout") || m.contains("no response")) {
            return new SourceException("The broker at " + endpoint.hostPort() + " did not answer a JetStream request; "
                    + "check that JetStream is enabled and that this user may read streams.", e);
        }
        return new SourceException("Talking to the broker at " + endpoint.hostPort() + " failed ("
                + e.getMessage() + "); check the connection and try again.", e);
    }

    public static SourceException translate(NatsEndpoint endpoint, JetStreamApiException e) {
        if (e.getApiErrorCode() == 10059 || e.getErrorCode() == 404) {
            return new SourceException("A stream of " + endpoint.name() + " disappeared from " + endpoint.hostPort()
                    + " while reading; check that it still exists.", e);
        }
        return new SourceException("The broker at " + endpoint.hostPort() + " refused a read request ("
                + e.getErrorDescription() + "); check this user's permissions.", e);
    }
}
