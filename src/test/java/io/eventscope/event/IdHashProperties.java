package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Payloads (long inputs, hashed on four lanes) and ids alike: one changed byte always changes the hash. */
class IdHashProperties {

    @Property(tries = 3000)
    void oneChangedByteChangesTheHash(@ForAll @Size(min = 1, max = 300) byte[] payload,
                                      @ForAll @IntRange(min = 0, max = 299) int at,
                                      @ForAll @IntRange(min = 1, max = 255) int flip) {
        int k = at % payload.length;
        byte[] changed = Arrays.copyOf(payload, payload.length);
        changed[k] ^= (byte) flip;
        assertThat(IdPositions.hash(changed, 0, changed.length)).isNotEqualTo(IdPositions.hash(payload, 0, payload.length));
        // The same bytes elsewhere in a larger array hash the same.
        byte[] shifted = new byte[payload.length + 5];
        System.arraycopy(payload, 0, shifted, 3, payload.length);
        assertThat(IdPositions.hash(shifted, 3, 3 + payload.length)).isEqualTo(IdPositions.hash(payload, 0, payload.length));
    }
}
