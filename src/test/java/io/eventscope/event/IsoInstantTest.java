package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Property(tries = 2000)
    void fastPathAgreesWithJavaTime(@ForAll @LongRange(min = -9_000_000_000L, max = 9_000_000_000L) long seconds,
                                    @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        String text = Instant.ofEpochSecond(seconds, nanos).toString();
        char[] c = text.toCharArray();
        long fast = IsoInstant.parseNanos(c, 0, c.length);
        if (fast != IsoInstant.UNSUPPORTED) {
            assertThat(fast).as(text).isEqualTo(EventTimes.toNanos(Instant.parse(text)));
        }
    }

    @Test
    void yearsBeyondNanosecondRangeAreNotSilentlyWrapped() {
        char[] c = "2300-01-01T00:00:00Z".toCharArray();
        assertThat(IsoInstant.parseNanos(c, 0, c.length)).isEqualTo(IsoInstant.UNSUPPORTED);
    }

    @Test
    void invalidDatesAreLeftToTheFullParser() {
        for (String s : new String[] {"2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-03-01T24:00:00Z",
                "2024-03-01T10:00:00+01:00", "2024-03-01T10:00:00.Z"}) {
            char[] c = s.toCharArray();
            assertThat(IsoInstant.parseNanos(c, 0, c.length)).as(s).isEqualTo(IsoInstant.UNSUPPORTED);
        }
        char[] leap = "2024-02-29T23:59:59.5Z".toCharArray();
        assertThat(IsoInstant.parseNanos(leap, 0, leap.length))
                .isEqualTo(EventTimes.toNanos(Instant.parse("2024-02-29T23:59:59.5Z")));
    }
}
