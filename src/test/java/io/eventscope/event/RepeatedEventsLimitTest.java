package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The repeated-id table keeps checking within its limit, whatever size it is told to expect. */
class RepeatedEventsLimitTest {

    @Test
    void expectingFarMoreIdsThanTheLimitHoldsStillChecksTheFirstOnes() {
        long limit = 1 << 20; // 1 MiB: about 45,000 ids
        RepeatedEvents repeats = new RepeatedEvents(null, limit);
        repeats.keepPrints(); // as a streaming read: repeats are told apart by prints, no payload is held
        repeats.expect(50_000_000); // a streamed source of 50 million events
        for (int position = 1; position <= 20_000; position++) {
            assertThat(repeats.check(id(position), 7, position)).isNull();
        }
        Flag again = repeats.check(id(1234), 7, 20_001);
        assertThat(again).isNotNull();
        assertThat(again.kind()).isEqualTo(FlagKind.DUPLICATE_EVENT);
        assertThat(again.detail()).contains("#1,234");
        assertThat(repeats.caveat()).isNull();
    }

    @Test
    void pastTheLimitTheCaveatNamesTheFirstPositionNotChecked() {
        RepeatedEvents repeats = new RepeatedEvents(null, 256 << 10);
        repeats.keepPrints();
        repeats.expect(10_000_000);
        int position = 0;
        while (repeats.caveat() == null && position < 1_000_000) {
            position++;
            repeats.check(id(position), 1, position);
        }
        assertThat(position).as("ids checked before the limit").isGreaterThan(5_000);
        assertThat(repeats.caveat()).contains(String.format("%,d", position));
    }

    private static long id(int n) {
        byte[] text = ("id-" + n).getBytes();
        return IdPositions.hash(text, 0, text.length);
    }
}
