package io.eventscope.cli.bench;

import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.SourceSpec;
import io.eventscope.source.kafka.KafkaEndpoint;
import io.eventscope.source.kafka.TopicProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Our load of a three-partition topic against a raw {@code KafkaConsumer} poll loop over the same topic,
 * in the same run, on a broker the caller names ({@code bench --kafka HOST:PORT}; the tests' in-process
 * broker, see {@code InProcessKafkaBench}). The topic is filled through the {@code produce} code path and
 * deleted afterwards.
 */
final class TopicLoadBench implements AutoCloseable {
    private final String bootstrap;
    private final String topic;
    private final ProjectionSpec spec;
    private final int runs;
    private final long events;

    private TopicLoadBench(String bootstrap, String topic, ProjectionSpec spec, int runs, long events) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.spec = spec;
        this.runs = runs;
        this.events = events;
    }

    static TopicLoadBench prepare(String bootstrap, Path file, ProjectionSpec spec, int runs) throws Exception {
        String topic = "eventscope-bench-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaEndpoint endpoint = KafkaEndpoint.parse(SourceSpec.parse(uri(bootstrap, topic)), null);
        TopicProducer.Result produced = new TopicProducer(endpoint, "account", spec.fieldMapping().timeFields())
                .produce(file, 3, true);
        return new TopicLoadBench(bootstrap, topic, spec, runs, produced.messages());
    }

    private static String uri(String bootstrap, String topic) {
        return "kafka://" + bootstrap + "/" + topic;
    }

    record Rates(double ours, double raw) {
    }

    /** Best events per second of each ({@link Stopwatch#alternating}). */
    Rates rates() throws Exception {
        double[] best = Stopwatch.alternating(runs, this::loadOnce, this::rawPollLoop);
        return new Rates(events / best[0], events / best[1]);
    }

    Timeline loadOnce() throws Exception {
        try (LoadedSource loaded = TimelineLoad.under(spec).open(uri(bootstrap, topic))) {
            Timeline t = loaded.timeline();
            if (t.size() != events) {
                throw new IllegalStateException("loaded " + t.size() + " of " + events + " events");
            }
            return t;
        }
    }

    /** What the bare client does: assign every partition, poll to the end, every value's bytes touched, nothing kept. */
    private void rawPollLoop() {
        Map<String, Object> p = Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", false,
                "auto.offset.reset", "earliest", "max.poll.records", 4096);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (PartitionInfo info : c.partitionsFor(topic)) {
                tps.add(new TopicPartition(topic, info.partition()));
            }
            c.assign(tps);
            c.seekToBeginning(tps);
            long seen = 0;
            long bytes = 0;
            long quietSince = System.nanoTime();
            while (seen < events) {
                var batch = c.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    bytes += r.value().length;
                    seen++;
                }
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(30)) {
                    throw new IllegalStateException("the raw poll loop stalled after " + seen + " records");
                }
            }
            if (bytes == 0) {
                throw new IllegalStateException("the raw poll loop read nothing");
            }
        }
    }

    /** Deletes the bench topic (the bench wrote it; it leaves nothing behind). */
    @Override
    public void close() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap,
                "request.timeout.ms", 10_000, "default.api.timeout.ms", 10_000))) {
            admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: a bench topic left behind is named eventscope-bench-*
        }
    }
}
