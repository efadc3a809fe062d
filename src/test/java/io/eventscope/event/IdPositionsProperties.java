package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The id table answers as a map from id to its first position (and first print) would, through growth,
 * a presize, and the switch to keeping prints part way.
 */
class IdPositionsProperties {

    @Property(tries = 300)
    void theTableAnswersAsAMapOfFirstSightings(@ForAll @Size(min = 1, max = 20_000) List<@IntRange(min = 0, max = 9_000) Integer> ids,
                                               @ForAll @IntRange(min = 0, max = 20_000) int printsFrom,
                                               @ForAll @IntRange(min = 0, max = 30_000) int expected) {
        IdPositions table = new IdPositions();
        table.expect(expected);
        Map<Integer, Integer> firstAt = new HashMap<>();
        Map<Integer, Integer> firstPrint = new HashMap<>();
        for (int k = 0; k < ids.size(); k++) {
            int id = ids.get(k);
            int position = k + 1;
            int print = id * 31 + 7;
            long key = IdPositions.hash(new char[] {(char) id, 'x'}, 0, 2);
            int slot = k < printsFrom ? table.putWithoutPrint(key, position) : table.put(key, print, position);
            Integer before = firstAt.putIfAbsent(id, position);
            if (before == null) {
                assertThat(slot).isEqualTo(-1);
                if (k >= printsFrom) {
                    firstPrint.put(id, print);
                }
            } else {
                assertThat(table.positionAt(slot)).isEqualTo(before);
                if (k >= printsFrom && firstPrint.containsKey(id)) {
                    assertThat(table.printAt(slot)).isEqualTo(firstPrint.get(id));
                }
            }
        }
    }
}
