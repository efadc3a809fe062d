package io.eventscope.source.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.event.EventTimes;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Our reading of the ack subject must agree with jnats' own metadata parse on real deliveries. */
class AckReplyTest {

    @Test
    void agreesWithTheClientsMetadataOnRealMessages() throws Exception {
        try (NatsServerProcess server = NatsServerProcess.start();
             Connection nc = Nats.connect(server.url())) {
            nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("acks").subjects("acks.>").build());
            JetStream js = nc.jetStream();
            for (int i = 0; i < 5; i++) {
                js.publish("acks.final", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            try (IterableConsumer c = nc.getStreamContext("acks")
                    .createOrderedConsumer(new OrderedConsumerConfiguration()).iterate()) {
                for (int i = 0; i < 5; i++) {
                    Message m = c.nextMessage(Duration.ofSeconds(5));
                    assertThat(m).isNotNull();
                    assertThat(AckReply.streamSequence(m)).isEqualTo(m.metaData().streamSequence());
                    assertThat(AckReply.pending(m)).isEqualTo(m.metaData().pendingCount());
                    assertThat(AckReply.timestampNanos(m))
                            .isEqualTo(EventTimes.toNanos(m.metaData().timestamp().toInstant()));
                }
            }
        }
    }

    @Test
    void readsBothSubjectFormsAndRefusesOthers() {
        assertThat(AckReply.field("$JS.ACK.s$1.c.1.42.7.1709286072000000001.3", 0)).isEqualTo(42);
        assertThat(AckReply.field("$JS.ACK.s$1.c.1.42.7.1709286072000000001.3", 2)).isEqualTo(1709286072000000001L);
        assertThat(AckReply.field("$JS.ACK.dom.hash.s.c.1.42.7.1709286072000000001.3.rnd", 0)).isEqualTo(42);
        assertThat(AckReply.field("$JS.ACK.dom.hash.s.c.1.42.7.1709286072000000001.3.rnd", 3)).isEqualTo(3);
        assertThat(AckReply.field("_INBOX.abc", 0)).isEqualTo(-1);
        assertThat(AckReply.field("$JS.ACK.s.c.1.x.7.9.3", 0)).isEqualTo(-1);
        assertThat(AckReply.field(null, 0)).isEqualTo(-1);
    }
}
