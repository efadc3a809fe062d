package io.eventscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A million-event load must not create garbage per event: decoding good lines reuses one scratch record,
 * also when each event type orders its fields differently (as real logs do), and also under the bundled
 * banking projection's alternatives when the fields sit in a CloudEvent's {@code data} object.
 */
class DecodingAllocationTest {
    private static final String[] SHAPES = {
        "{\"type\":\"Deposit\",\"account\":\"ACC-%d\",\"timestamp\":\"2024-03-01T10:00:00Z\",\"eventId\":\"e-%d\",\"amount\":12.50}",
        "{\"type\":\"AccountOpened\",\"account_number\":\"ACC-%d\",\"ts\":1709286072000,\"eventId\":\"e-%d\",\"owner\":\"Jo\"}",
        "{\"type\":\"Withdrawal\",\"accountNumber\":\"ACC-%d\",\"timestamp\":\"2024-03-01T10:00:01.5Z\",\"eventId\":\"e-%d\",\"amount\":\"3\",\"reason\":\"atm\"}",
        "{\"eventId\":\"e-%2$d\",\"account\":\"ACC-%1$d\",\"type\":\"AddressChanged\",\"city\":\"Graz\"}",
    };

    private static final String[] CLOUD_EVENTS = {
        "{\"specversion\":\"1.0\",\"type\":\"Deposit\",\"source\":\"/bank\",\"id\":\"e-%2$d\",\"time\":\"2024-03-01T10:00:00Z\","
                + "\"subject\":\"ACC-%1$d\",\"data\":{\"account\":\"ACC-%1$d\",\"amount\":12.50}}",
        "{\"specversion\":\"1.0\",\"type\":\"AccountOpened\",\"id\":\"e-%2$d\",\"time\":\"2024-03-01T10:00:01Z\","
                + "\"subject\":\"ACC-%1$d\",\"data\":{\"account\":\"ACC-%1$d\",\"owner\":{\"name\":\"Jo\"}}}",
        "{\"specversion\":\"1.0\",\"type\":\"Withdrawal\",\"id\":\"e-%2$d\",\"subject\":\"ACC-%1$d\","
                + "\"time\":\"2024-03-01T10:00:01.5Z\",\"data\":{\"amount\":\"3\",\"reason\":\"atm\"}}",
    };

    @Test
    void decodingGoodLinesWhoseFieldOrderVariesAllocatesNothingPerLine() {
        assertNoAllocationPerLine(SHAPES);
    }

    @Test
    void decodingCloudEventsUnderTheBankingAlternativesAllocatesNothingPerLine() {
        assertNoAllocationPerLine(CLOUD_EVENTS);
    }

    private static void assertNoAllocationPerLine(String[] shapes) {
        int lines = 4000;
        StringBuilder text = new StringBuilder();
        int[] starts = new int[lines];
        int[] ends = new int[lines];
        for (int k = 0; k < lines; k++) {
            starts[k] = text.length();
            text.append(String.format(shapes[k % shapes.length], k % 50, k));
            ends[k] = text.length();
            text.append('\n');
        }
        byte[] buf = text.toString().getBytes(StandardCharsets.US_ASCII);
        Timeline t = new Timeline("t", "t", CoordinateKind.LINE, ProjectionSpecReader.banking().fieldMapping());
        PayloadDecoder decoder = new PayloadDecoder(t.mapping(), t.types, t.entities, t.textValues, true);
        int[] flagged = new int[1];
        int[] withEntity = new int[1];
        DecodedFields.Sink sink = (index, fields) -> {
            flagged[0] += fields.flags.isEmpty() ? 0 : 1;
            withEntity[0] += fields.entityId >= 0 ? 1 : 0;
        };
        decoder.decodeLines(buf, starts, ends, 0, lines, 0, sink); // first sight of every type, entity and name

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        decoder.decodeLines(buf, starts, ends, 0, lines, 0, sink);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(flagged[0]).isZero();
        assertThat(withEntity[0]).as("every line names its account").isEqualTo(2 * lines);
        assertThat(decoder.linesDecodedAlone()).isZero();
        assertThat(allocated).as("bytes allocated decoding %d lines", lines).isLessThan(lines);
    }
}
