package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * The interner hands each distinct value one id, in first-seen order, through its table's growth, for values
 * of any length and characters read from inside a larger buffer, and finds them again by value.
 */
class StringInternerProperties {

    @Property(tries = 300)
    void eachDistinctValueGetsOneIdInFirstSeenOrder(
            @ForAll @Size(max = 3000) List<@StringLength(max = 12) String> values) {
        StringInterner interner = new StringInterner();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String v : values) {
            char[] padded = ("<<" + v + ">>").toCharArray(); // the value inside a larger buffer, as the parser gives it
            int id = interner.intern(padded, 2, v.length());
            assertThat(id).isEqualTo(ids.computeIfAbsent(v, k -> ids.size()));
        }
        assertThat(interner.size()).isEqualTo(ids.size());
        ids.forEach((v, id) -> {
            assertThat(interner.get(id)).isEqualTo(v);
            assertThat(interner.find(v)).isEqualTo(id);
        });
        assertThat(interner.find("never interned \\u0000")).isEqualTo(-1);
    }
}
