package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A hostile log may hold ids made to collide under the id hash: the hash is invertible step by step, so
 * two eight-character ids with the same hash are easy to make for a known seed. Such pairs really do
 * collide under that seed (the attack is real), but the run's seed is random, so neither of the two
 * events is taken for a repeat of the other.
 */
class CraftedIdCollisionProperties {
    private static final long C1 = 0xC2B2AE3D27D4EB4FL;
    private static final long C2 = 0x9E3779B185EBCA87L;

    @Property(tries = 200)
    void idsCraftedToCollideUnderAKnownSeedAreNotFlaggedAsRepeats(@ForAll long w1, @ForAll long w1b, @ForAll long w2)
            throws Exception {
        if (w1 == w1b) {
            w1b = w1 + 1;
        }
        // After the first word the two states differ; the second word of b cancels the difference.
        long h0 = 0 ^ 0x5851F42D4C957F2DL;
        long s1 = Long.rotateLeft(h0 ^ (w1 * C1), 31) * C2;
        long s1b = Long.rotateLeft(h0 ^ (w1b * C1), 31) * C2;
        long w2b = (s1 ^ s1b ^ (w2 * C1)) * inverse(C1);
        char[] a = chars(w1, w2);
        char[] b = chars(w1b, w2b);
        assertThat(b).isNotEqualTo(a);
        assertThat(IdPositions.hash(0, b, 0, 8)).isEqualTo(IdPositions.hash(0, a, 0, 8));

        Path file = Files.createTempFile("crafted", ".jsonl");
        try {
            Files.write(file, List.of(line(a, 10), line(b, 20)));
            LoadedSource loaded = TimelineLoad.under(ProjectionSpecReader.banking()).read(file.toString());
            assertThat(loaded.timeline().size()).isEqualTo(2);
            assertThat(loaded.timeline().flaggedCount()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String line(char[] id, int amount) {
        StringBuilder s = new StringBuilder("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":" + amount
                + ",\"eventId\":\"");
        for (char c : id) {
            s.append(String.format("\\u%04x", (int) c));
        }
        return s.append("\"}").toString();
    }

    private static char[] chars(long w1, long w2) {
        char[] c = new char[8];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (w1 >>> (16 * i));
            c[4 + i] = (char) (w2 >>> (16 * i));
        }
        return c;
    }

    /** The inverse of an odd number modulo 2⁶⁴ (Newton's iteration doubles the correct bits each step). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 6; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }
}
