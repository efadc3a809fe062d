package io.eventscope.audit.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {
    @Test
    void writesWhatInstantToStringWrites() {
        InstantText text = new InstantText();
        SplittableRandom random = new SplittableRandom(3);
        long[] fixed = {0, 1, 999, 1_000, 1_000_000, 1_500_000_000L, -1, -1_000_000_000L, 1709251200_000_000_000L,
                Long.MAX_VALUE, Long.MIN_VALUE + 1};
        for (long n : fixed) {
            assertThat(text.of(n)).isEqualTo(instant(n).toString());
        }
        for (int i = 0; i < 200_000; i++) {
            long n = random.nextLong(-4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L);
            if (i % 3 == 0) {
                n -= n % 1_000_000; // millisecond times, the usual case
            }
            assertThat(text.of(n)).isEqualTo(instant(n).toString());
        }
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
