package io.eventscope.source.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.FlagKind;
import org.junit.jupiter.api.Test;

class MessageChecksTest {
    @Test
    void repeatsAreFlaggedWithTheFirstPositionAndResendsFromTheDeadLetterStation() {
        MessageChecks checks = new MessageChecks();
        for (int i = 1; i <= 200_000; i++) {
            assertThat(checks.check("svc", "id-" + i, i)).isEmpty();
        }
        assertThat(checks.check("svc", "id-1234", 200_001)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FlagKind.DUPLICATE_MESSAGE_ID);
            assertThat(f.detail()).contains("position 1234");
        });
        assertThat(checks.check("$memphis_dls", "id-5", 200_002)).extracting(f -> f.kind())
                .containsExactly(FlagKind.DEAD_LETTER_RESEND, FlagKind.DUPLICATE_MESSAGE_ID);
        assertThat(checks.check(null, null, 200_003)).isEmpty();
        assertThat(checks.duplicateIds()).isEqualTo(2);
        assertThat(checks.deadLetterResends()).isEqualTo(1);
    }

    @Test
    void repeatsAreFoundWhateverSizeWasExpected() {
        for (long expected : new long[] {0, 10, 150_000, 50_000_000}) {
            MessageChecks checks = new MessageChecks();
            checks.expect(expected);
            for (int i = 1; i <= 150_000; i++) {
                assertThat(checks.check("svc", "order-" + i, i)).as("expected %d, id %d", expected, i).isEmpty();
            }
            for (int i = 1; i <= 150_000; i += 9_999) {
                assertThat(checks.check("svc", "order-" + i, 150_000 + i)).singleElement()
                        .satisfies(f -> assertThat(f.kind()).isEqualTo(FlagKind.DUPLICATE_MESSAGE_ID));
            }
            assertThat(checks.duplicateIds()).isEqualTo(16);
        }
    }

    @Test
    void subjectsMatchLikeNats() {
        assertThat(StreamRef.matches("a$1.>", "a$1.final")).isTrue();
        assertThat(StreamRef.matches("a$1.*", "a$1.final")).isTrue();
        assertThat(StreamRef.matches("a$1.final", "a$1.final")).isTrue();
        assertThat(StreamRef.matches("a$1", "a$1.final")).isFalse();
        assertThat(StreamRef.matches("a$1.>", "a$1")).isFalse();
        assertThat(new StreamRef("old", "old.final", null).coveredBy(java.util.List.of("old")).filterSubject()).isNull();
    }
}
