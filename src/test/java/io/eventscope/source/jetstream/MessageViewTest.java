package io.eventscope.source.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.event.EventTimes;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sequence, broker time and pending count of delivered messages agree with what the stream itself stores. */
class MessageViewTest {

    @Test
    void agreesWithTheStoredMessagesOnRealDeliveries() throws Exception {
        try (NatsServerProcess server = NatsServerProcess.start();
             Connection nc = Nats.connect(server.url())) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("acks").subjects("acks.>").build());
            JetStream js = nc.jetStream();
            for (int i = 0; i < 5; i++) {
                js.publish("acks.final", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            try (IterableConsumer c = nc.getStreamContext("acks")
                    .createOrderedConsumer(new OrderedConsumerConfiguration()).iterate()) {
                for (int i = 0; i < 5; i++) {
                    Message m = c.nextMessage(Duration.ofSeconds(5));
                    assertThat(m).isNotNull();
                    MessageInfo stored = jsm.getMessage("acks", i + 1);
                    assertThat(MessageView.sequence(m)).isEqualTo(i + 1);
                    assertThat(MessageView.pending(m)).isEqualTo(4 - i);
                    assertThat(MessageView.brokerTime(m)).isEqualTo(EventTimes.toNanos(stored.getTime().toInstant()));
                }
            }
        }
    }
}
