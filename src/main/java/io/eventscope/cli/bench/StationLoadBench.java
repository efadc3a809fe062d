package io.eventscope.cli.bench;

import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.SourceSpec;
import io.eventscope.source.memphis.StationProducer;
import io.eventscope.source.nats.NatsEndpoint;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.OrderedConsumerConfiguration;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Our load of a Memphis station from a local nats-server against a raw jnats ordered-consumer drain of
 * the same stream, in the same run. The bench starts its own server and fills a one-partition station
 * with the file through the {@code produce} code path (Memphis headers included).
 */
final class StationLoadBench implements AutoCloseable {
    private static final String STATION = "bench";
    private static final String STREAM = "bench$1";

    private final NatsServerProcess server;
    private final ProjectionSpec spec;
    private final int runs;
    private final long events;

    private StationLoadBench(NatsServerProcess server, ProjectionSpec spec, int runs, long events) {
        this.server = server;
        this.spec = spec;
        this.runs = runs;
        this.events = events;
    }

    /** Starts a server and fills the station with {@code file}. */
    static StationLoadBench prepare(Path file, ProjectionSpec spec, int runs) throws Exception {
        NatsServerProcess server = NatsServerProcess.start();
        try {
            String uri = "memphis://" + server.hostPort() + "/" + STATION;
            StationProducer.Result produced = new StationProducer(NatsEndpoint.parse(SourceSpec.parse(uri), null))
                    .produce(file, 1, true);
            return new StationLoadBench(server, spec, runs, produced.messages());
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    long events() {
        return events;
    }

    record Rates(double ours, double raw) {
    }

    /** Best events per second of each ({@link Stopwatch#alternating}). */
    Rates rates() throws Exception {
        double[] best = Stopwatch.alternating(runs, this::loadOnce, this::rawDrain);
        return new Rates(events / best[0], events / best[1]);
    }

    Timeline loadOnce() throws Exception {
        try (LoadedSource loaded = TimelineLoad.under(spec).open("memphis://" + server.hostPort() + "/" + STATION)) {
            Timeline t = loaded.timeline();
            if (t.size() != events) {
                throw new IllegalStateException("loaded " + t.size() + " of " + events + " events");
            }
            return t;
        }
    }

    /** What the bare client does: one ordered consumer, every message's bytes touched, nothing kept. */
    private void rawDrain() throws Exception {
        Options options = Options.builder().server(server.url()).connectionName("eventscope-bench-raw").build();
        try (Connection nc = Nats.connect(options)) {
            OrderedConsumerConfiguration config = new OrderedConsumerConfiguration().filterSubject(STREAM + ".final");
            long seen = 0;
            long bytes = 0;
            try (IterableConsumer consumer = nc.getStreamContext(STREAM).createOrderedConsumer(config).iterate()) {
                while (seen < events) {
                    Message m = consumer.nextMessage(Duration.ofSeconds(10));
                    if (m == null) {
                        throw new IllegalStateException("the raw drain stalled after " + seen + " messages");
                    }
                    bytes += m.getData().length + m.getHeaders().size();
                    seen++;
                }
            }
            if (bytes == 0) {
                throw new IllegalStateException("the raw drain read nothing");
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
