package io.eventscope.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.load.LoadedSource;
import io.eventscope.load.Sources;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.SourceException;
import io.eventscope.testing.KafkaTestBroker;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * SASL against a real in-process broker whose listener takes PLAIN only (the test kit's users and
 * authorizer): the right password reads, a wrong one, missing rights or a mechanism the broker does not
 * offer is one sentence within 10 s, and the password appears in none of it. SCRAM and TLS: see
 * {@code cli.KafkaSecurityCommandsTest}.
 */
class KafkaSaslTest {
    private static KafkaTestBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaTestBroker.startSaslPlain();
        broker.createTopic("secured", 1, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void theRightUserAndPasswordReadAndAUserWithoutRightsIsToldSo() throws Exception {
        String uri = "kafka://plain-admin@" + broker.bootstrap() + "/secured";
        try (LoadedSource loaded = TimelineLoad.under(ProjectionSpecReader.banking()).password("plain-admin-secret")
                .open(uri)) {
            assertThat(loaded.timeline().size()).isZero();
            assertThat(loaded.sourceName()).isEqualTo(uri).doesNotContain("secret");
        }
        // The test kit's broker has an authorizer: an ordinary user without ACLs may not read.
        String denied = failure(() -> "kafka://plain-user1:plain-user1-secret@" + broker.bootstrap() + "/secured");
        assertThat(denied).isEqualTo("User plain-user1 may not read topic secured at " + broker.bootstrap()
                + "; ask for read and describe rights.");
    }

    @Test
    void aWrongPasswordIsOneSentenceWithoutThePassword() {
        String message = failure(() -> "kafka://plain-user1:not-the-secret@" + broker.bootstrap() + "/secured");
        assertThat(message).startsWith("The broker at " + broker.bootstrap() + " refused user plain-user1 (PLAIN)")
                .doesNotContain("not-the-secret");
    }

    @Test
    void aMechanismTheBrokerDoesNotOfferIsOneSentence() {
        String message = failure(() -> "kafka://plain-user1:plain-user1-secret@" + broker.bootstrap()
                + "/secured?sasl=SCRAM-SHA-256");
        assertThat(message).startsWith("The broker at " + broker.bootstrap() + " does not accept SASL mechanism "
                + "SCRAM-SHA-256").doesNotContain("plain-user1-secret");
    }

    private static String failure(ThrowingSupplier<String> uri) {
        long start = System.nanoTime();
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> Sources.open(uri.get()).close()).isInstanceOf(SourceException.class)
                .satisfies(e -> caught[0] = e);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        return caught[0].getMessage();
    }
}
