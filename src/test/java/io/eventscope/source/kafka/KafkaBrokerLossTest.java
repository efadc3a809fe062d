package io.eventscope.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.SourceCoordinates;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.load.Sources;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.testing.KafkaTestBroker;
import io.eventscope.testing.Loads;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A broker that dies in the middle of a load: one sentence within 10 s, no hang, and what was read stays, each
 * partition an unbroken run of offsets from 0.
 */
class KafkaBrokerLossTest {
    private static final int PER_PARTITION = 50_000;

    @Test
    void aBrokerThatDiesMidLoadIsOneSentenceAndTheEventsReadSoFarStay() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.start();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            broker.createTopic("doomed", 3, Map.of());
            try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of("linger.ms", 5))) {
                byte[] value = "{\"type\":\"Deposit\",\"account\":\"D\",\"amount\":1}".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < PER_PARTITION; i++) {
                    for (int partition = 0; partition < 3; partition++) {
                        p.send(new ProducerRecord<>("doomed", partition, (long) i, null, value));
                    }
                }
                p.flush();
            }
            try (KafkaSource source = (KafkaSource) Sources.open(broker.uri("doomed"))) {
                source.stallTimeoutMillis(2_000);
                Timeline t = Loads.timelineFor(source);
                long[] killedAt = {0};
                // The loading thread asks whether it was cancelled between batches: kill the broker at the first ask
                // after something was appended, so that the death is mid-load whatever the machine's speed.
                Future<?> load = background.submit(() -> {
                    source.load(new TimelineWriter(t), LoadWindow.ALL, LoadProgress.NONE, () -> {
                        if (killedAt[0] == 0 && t.size() > 0) {
                            closeQuietly(broker);
                            killedAt[0] = System.nanoTime();
                        }
                        return false;
                    });
                    return null;
                });
                Throwable failure = null;
                try {
                    load.get(120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failure = e.getCause();
                }
                assertThat(killedAt[0]).as("the broker died mid-load").isPositive();
                assertThat(failure).isInstanceOf(SourceException.class);
                assertThat(failure.getMessage()).isEqualTo("The broker at " + broker.bootstrap()
                        + " sent nothing for 2 s; check the broker and load again.");
                assertThat((System.nanoTime() - killedAt[0]) / 1_000_000).isLessThan(10_000);
                int kept = t.size();
                assertThat(kept).isPositive().isLessThan(3 * PER_PARTITION);
                Map<String, Long> next = new HashMap<>();
                for (int i = 0; i < kept; i++) {
                    SourceCoordinates c = t.coordinatesAt(i);
                    assertThat(c.number()).as("position %d", i).isEqualTo(next.getOrDefault(c.partition(), 0L));
                    next.put(c.partition(), c.number() + 1);
                }
            }
        } finally {
            background.shutdownNow();
            closeQuietly(broker);
        }
    }

    private static void closeQuietly(KafkaTestBroker broker) {
        try {
            broker.close();
        } catch (Exception e) {
            // closing twice, or a broker already gone: nothing left to stop
        }
    }
}
