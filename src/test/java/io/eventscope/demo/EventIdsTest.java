package io.eventscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void aRepeatedDrawIsDrawnAgain() {
        // 0x1_0000000005 and 5 are the same id once cut to 40 bits.
        PrimitiveIterator.OfLong draws = LongStream.of(5, 7, 0x10000000005L, 5, 9).iterator();
        EventIds ids = new EventIds(draws::nextLong);
        assertThat(List.of(ids.next(), ids.next(), ids.next())).containsExactly("e-5", "e-7", "e-9");
    }

    @Test
    void idsStayUniqueWhenOnlyAFewValuesCanBeDrawn() {
        // Draws from 4,000 values force many repeats; every id given out is still new, and the table grows.
        SplittableRandom r = new SplittableRandom(3);
        EventIds ids = new EventIds(() -> r.nextLong(4000));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            assertThat(seen.add(ids.next())).isTrue();
        }
    }
}
