package io.eventscope.load;

import io.eventscope.source.EventSource;
import io.eventscope.source.SourceException;
import io.eventscope.source.SourceSpec;
import io.eventscope.source.file.JsonLinesSource;
import io.eventscope.source.jetstream.JetStreamSource;
import io.eventscope.source.kafka.KafkaEndpoint;
import io.eventscope.source.kafka.KafkaSource;
import io.eventscope.source.memphis.MemphisSource;
import io.eventscope.source.nats.NatsEndpoint;
import java.util.Locale;

/**
 * Opens the source a {@link SourceSpec} names. It lives above {@code source} so that the generic source
 * package need not know its file, stream and station subpackages (that was a package cycle).
 */
public final class Sources {
    /** The name of the demo log bundled inside the application. */
    public static final String BUNDLED_SAMPLE = "bundled:sample";

    private Sources() {
    }

    public static EventSource open(String text) throws SourceException {
        return open(text, null);
    }

    /**
     * @param password used when the URI carries no password (from {@code --password-file} or
     *                 {@code EVENTSCOPE_PASSWORD}); may be null
     */
    public static EventSource open(String text, String password) throws SourceException {
        if (BUNDLED_SAMPLE.equals(text)) {
            return JsonLinesSource.bundledSample();
        }
        return open(SourceSpec.parse(text), password);
    }

    public static EventSource open(SourceSpec spec) throws SourceException {
        return open(spec, null);
    }

    public static EventSource open(SourceSpec spec, String password) throws SourceException {
        if (spec.isFile()) {
            return JsonLinesSource.open(spec.file());
        }
        String scheme = spec.scheme().toLowerCase(Locale.ROOT);
        if (NatsEndpoint.handles(scheme)) {
            NatsEndpoint endpoint = NatsEndpoint.parse(spec, password);
            return endpoint.memphis() ? MemphisSource.open(endpoint) : JetStreamSource.open(endpoint);
        }
        if (KafkaEndpoint.handles(scheme)) {
            return KafkaSource.open(KafkaEndpoint.parse(spec, password));
        }
        throw new SourceException("Sources of kind " + scheme + ":// are not supported; use a .jsonl file path, "
                + "memphis://host/station, nats://host/stream or kafka://host/topic.");
    }
}
