package io.eventscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.Timeline;
import io.eventscope.event.TimelineWriter;
import io.eventscope.replay.ProjectionSpecReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoLogTest {

    private static String demo(int events, long seed) throws Exception {
        StringWriter w = new StringWriter();
        new DemoLog(events, DemoLog.defaultAccounts(events), seed).write(w);
        return w.toString();
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherLog() throws Exception {
        assertThat(demo(2000, 42)).isEqualTo(demo(2000, 42)).isNotEqualTo(demo(2000, 43));
    }

    @Test
    void looksLikeARealLedgerWithASprinkleOfBadLines() throws Exception {
        String log = demo(20000, 7);
        assertThat(log.lines().count()).isEqualTo(20000);
        Timeline t = new Timeline("demo", "demo", CoordinateKind.LINE, ProjectionSpecReader.banking().fieldMapping());
        TimelineWriter w = new TimelineWriter(t);
        for (String line : log.lines().toList()) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            w.appendLine(b, 0, b.length);
        }
        Set<String> types = java.util.stream.IntStream.range(0, t.typeCount()).mapToObj(t::typeName)
                .collect(Collectors.toSet());
        assertThat(types).contains("Deposit", "Withdrawal", "Adjustment", "FundsDeposited", "FundsWithdrawn",
                "BalanceAdjusted", "AccountOpened", "StatementIssued");
        assertThat(t.entityCount()).isBetween(300, 600);
        assertThat(t.flaggedCount()).isBetween(10, 200);
        assertThat(log).contains("\"amount\":\"").contains("\"ts\":").contains("\"accountNumber\":")
                .contains("\"amount\":-");
        // Irregular but advancing time.
        long distinctGaps = java.util.stream.IntStream.range(1, 200)
                .mapToLong(i -> t.effectiveTimeAt(i) - t.effectiveTimeAt(i - 1)).distinct().count();
        assertThat(distinctGaps).isGreaterThan(100);
    }

    @Test
    void bundledSampleIsTheDemoLogOfTheReadme() throws Exception {
        // The README and the viewer rely on the bundled sample being `demo --events 20000 --seed 7`.
        assertThat(Files.readString(Path.of("assets/samples/bank-demo.jsonl"))).isEqualTo(demo(20000, 7));
    }
}
