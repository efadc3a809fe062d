package io.eventscope.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceSpecTest {

    @Test
    void redactionHidesPasswordsAndTokensButKeepsUserNames() {
        assertThat(SourceSpec.redact("memphis://alice:s3cret@host:6666/bank.ledger"))
                .isEqualTo("memphis://alice:***@host:6666/bank.ledger");
        assertThat(SourceSpec.redact("nats://s3cr3tT0ken@host/stream")).doesNotContain("s3cr3tT0ken");
        assertThat(SourceSpec.redact("nats+tls://s3cr3tT0ken@host/stream")).doesNotContain("s3cr3tT0ken");
        assertThat(SourceSpec.redact("memphis://alice::tok3n@host/s?auth=token")).doesNotContain("tok3n");
        assertThat(SourceSpec.redact("memphis://alice@host/station")).isEqualTo("memphis://alice@host/station");
    }

    @Test
    void badUrisNeverEchoTheirSecret() {
        assertThatThrownBy(() -> SourceSpec.parse("nats://user:pa ss@/stream"))
                .isInstanceOf(SourceException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa ss"));
    }
}
