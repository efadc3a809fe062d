package io.eventscope.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceSpecTest {

    @Test
    void redactionHidesTheWholeUserInfo() {
        assertThat(SourceSpec.redact("memphis://alice:s3cret@host:6666/bank.ledger"))
                .isEqualTo("memphis://***@host:6666/bank.ledger");
        assertThat(SourceSpec.redact("nats://a:s3cret/Pw@host/stream")).isEqualTo("nats://***@host/stream");
        assertThat(SourceSpec.redact("nats://a:s3@cret@host/stream")).isEqualTo("nats://***@host/stream");
        assertThat(SourceSpec.redact("nats://host/stream?ca=/x@y")).isEqualTo("nats://host/stream?ca=/x@y");
        assertThat(SourceSpec.redact("nats://s3cr3tT0ken@host/stream")).doesNotContain("s3cr3tT0ken");
        assertThat(SourceSpec.redact("nats+tls://s3cr3tT0ken@host/stream")).doesNotContain("s3cr3tT0ken");
        assertThat(SourceSpec.redact("memphis://alice::tok3n@host/s?auth=token")).doesNotContain("tok3n");
        assertThat(SourceSpec.redact("memphis://alice@host/station")).isEqualTo("memphis://***@host/station");
    }

    @Test
    void badUrisNeverEchoTheirSecret() {
        assertThatThrownBy(() -> SourceSpec.parse("nats://user:pa ss@/stream"))
                .isInstanceOf(SourceException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa ss"));
    }

    @Test
    void passwordsWithReservedCharactersParseRawOrPercentEncodedForEveryScheme() throws Exception {
        String password = "s3:c/r@e%t";
        for (String scheme : new String[] {"nats", "nats+tls", "memphis", "memphis+tls", "kafka", "kafka+ssl"}) {
            for (String typed : new String[] {"s3:c/r@e%t", "s3%3Ac%2Fr%40e%25t"}) {
                SourceSpec spec = SourceSpec.parse(scheme + "://al%40ice:" + typed + "@h1:1234/ledger");
                assertThat(spec.userInfo().user()).isEqualTo("al@ice");
                assertThat(spec.userInfo().password()).as(scheme + " " + typed).isEqualTo(password);
                assertThat(spec.uri().getRawAuthority()).isEqualTo("h1:1234");
                assertThat(spec.uri().getPath()).isEqualTo("/ledger");
                assertThat(spec.toString()).doesNotContain("s3").doesNotContain("ice");
            }
        }
    }

    @Test
    void errorsAboutAUriNeverQuoteAnyPartOfItsUserInfo() {
        for (String bad : new String[] {"nats://a:s3cret/Pw@/stream", "nats://a:s3cret@Pw@/stream",
                "nats://a:s3cret/Pw@ho st/stream", "kafka://a:s3cret/Pw@/t", "memphis://a:s3cret%2FPw@/s"}) {
            assertThatThrownBy(() -> SourceSpec.parse(bad)).isInstanceOf(SourceException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("Pw")
                            .doesNotContain("a:s").contains("***@"));
        }
    }
}
