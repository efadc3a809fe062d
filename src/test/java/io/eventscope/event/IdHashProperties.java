package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Ids (hashed a word at a time) and payload prints (two words a multiply, the tail read as one overlapping
 * word): one changed byte changes the value, and the same bytes anywhere in a larger array give the same one.
 */
class IdHashProperties {

    @Property(tries = 3000)
    void oneChangedByteChangesTheIdHash(@ForAll @Size(min = 1, max = 300) byte[] id,
                                        @ForAll @IntRange(min = 0, max = 299) int at,
                                        @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] changed = changedAt(id, at, flip);
        assertThat(IdPositions.hash(changed, 0, changed.length)).isNotEqualTo(IdPositions.hash(id, 0, id.length));
        byte[] shifted = shifted(id);
        assertThat(IdPositions.hash(shifted, 3, 3 + id.length)).isEqualTo(IdPositions.hash(id, 0, id.length));
    }

    @Property(tries = 3000)
    void oneChangedByteChangesThePayloadPrint(@ForAll @Size(min = 0, max = 300) byte[] payload,
                                              @ForAll @IntRange(min = 0, max = 299) int at,
                                              @ForAll @IntRange(min = 1, max = 255) int flip) {
        if (payload.length > 0) {
            byte[] changed = changedAt(payload, at, flip);
            assertThat(PayloadPrint.of64(changed, 0, changed.length)).isNotEqualTo(PayloadPrint.of64(payload, 0, payload.length));
        }
        byte[] longer = Arrays.copyOf(payload, payload.length + 1); // a trailing zero byte is still a change
        assertThat(PayloadPrint.of64(longer, 0, longer.length)).isNotEqualTo(PayloadPrint.of64(payload, 0, payload.length));
        byte[] shifted = shifted(payload);
        assertThat(PayloadPrint.of(shifted, 3, 3 + payload.length)).isEqualTo(PayloadPrint.of(payload, 0, payload.length));
    }

    private static byte[] changedAt(byte[] bytes, int at, int flip) {
        byte[] changed = Arrays.copyOf(bytes, bytes.length);
        changed[at % bytes.length] ^= (byte) flip;
        return changed;
    }

    /** The same bytes at offset 3 of a larger array, with other bytes around them. */
    private static byte[] shifted(byte[] bytes) {
        byte[] shifted = new byte[bytes.length + 5];
        Arrays.fill(shifted, (byte) 0x5A);
        System.arraycopy(bytes, 0, shifted, 3, bytes.length);
        return shifted;
    }
}
