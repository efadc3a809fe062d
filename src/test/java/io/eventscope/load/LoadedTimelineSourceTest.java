package io.eventscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Timeline;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.testing.JetStreamFixtures;
import io.nats.client.impl.Headers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switching projection replays the loaded events: same result as a fresh load, without reading the source. */
class LoadedTimelineSourceTest {
    private static final ProjectionSpec BANKING = ProjectionSpecReader.banking();

    private static ProjectionSpec cloudEvents() throws Exception {
        return ProjectionSpecReader.named("cloudevents");
    }

    @Test
    void reprojectingALoadedFileGivesWhatAFreshLoadGivesAfterTheFileIsGone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bank.jsonl");
        Files.copy(Path.of("assets/samples/bank-demo.jsonl"), file);
        LoadedSource fresh = TimelineLoad.under(BANKING).read(file.toString());
        LoadedSource first = TimelineLoad.under(cloudEvents()).open(file.toString());
        Files.delete(file);

        try (LoadedSource again = TimelineLoad.under(BANKING).open(new LoadedTimelineSource(first))) {
            assertThat(again.sourceName()).isEqualTo(fresh.sourceName());
            assertThat(again.timeline().defaultEntity()).isEqualTo(fresh.timeline().defaultEntity());
            assertSameTimeline(again.timeline(), fresh.timeline());
            assertSameState(again, fresh);
        }
        first.close();
    }

    @Test
    void reprojectingALoadedStreamKeepsItsFlagsAndHeadersWithTheServerStopped() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("assets/samples/bank-demo.jsonl")).subList(0, 3000);
        String uri;
        LoadedSource fresh;
        LoadedSource first;
        try (NatsServerProcess server = NatsServerProcess.start();
             JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.createStream("ledger", "ledger.events");
            broker.publish(lines, List.of("ledger.events"), i -> {
                Headers h = new Headers();
                h.add("msg-id", "m" + (i % 2900)); // the last 100 repeat earlier ids
                h.add("x-tag", "a", "b");
                if (i % 500 == 7) {
                    h.add("$memphis_producedBy", "$memphis_dls");
                }
                return h;
            });
            uri = "nats://" + server.hostPort() + "/ledger";
            fresh = TimelineLoad.under(BANKING).read(uri);
            first = TimelineLoad.under(cloudEvents()).open(uri);
        }
        // the server is gone: whatever the replay shows cannot have been read from it again
        try (LoadedSource again = TimelineLoad.under(BANKING).open(new LoadedTimelineSource(first))) {
            assertThat(again.sourceName()).isEqualTo(fresh.sourceName());
            assertSameTimeline(again.timeline(), fresh.timeline());
            assertSameState(again, fresh);
            assertThat(again.completeness()).isEqualTo(fresh.completeness());
            assertThat(count(again.timeline(), FlagKind.DUPLICATE_MESSAGE_ID)).isEqualTo(100);
            assertThat(count(again.timeline(), FlagKind.DEAD_LETTER_RESEND)).isEqualTo(6);
            assertThat(again.timeline().headerValuesAt(0).get("x-tag")).containsExactly("a", "b");
        }
        first.close();
    }

    @Test
    void aReplayOfAFollowedStreamHoldsWhatTheLoadReadAndItsTailReadsOnFromThere() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("assets/samples/bank-demo.jsonl")).subList(0, 300);
        try (NatsServerProcess server = NatsServerProcess.start();
             JetStreamFixtures broker = new JetStreamFixtures(server.url())) {
            broker.createStream("ledger", "ledger.events");
            broker.publish(lines.subList(0, 200), List.of("ledger.events"), null);
            String uri = "nats://" + server.hostPort() + "/ledger";
            LoadedSource first = TimelineLoad.under(BANKING).open(uri);
            try (var tail = first.follow(e -> { })) {
                broker.publish(lines.subList(200, 250), List.of("ledger.events"), null);
                awaitSize(first.timeline(), 250);
            }
            LoadedTimelineSource replay = new LoadedTimelineSource(first);
            try (LoadedSource again = TimelineLoad.under(BANKING).open(replay)) {
                replay.takeOwnership();
                assertThat(again.timeline().size()).isEqualTo(200);
                try (var tail = again.follow(e -> { })) {
                    awaitSize(again.timeline(), 250);
                    broker.publish(lines.subList(250, 300), List.of("ledger.events"), null);
                    awaitSize(again.timeline(), 300);
                }
                for (int i = 0; i < 300; i++) {
                    assertThat(again.timeline().coordinatesAt(i).number()).isEqualTo(i + 1L);
                }
            }
        }
    }

    /** Waits (at most 10 s) until the live tail has appended up to {@code n} positions. */
    private static void awaitSize(Timeline t, int n) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (t.size() < n && System.nanoTime() < end) {
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(t.size()).isEqualTo(n);
    }

    private static long count(Timeline t, FlagKind kind) {
        long n = 0;
        for (int i = 0; i < t.size(); i++) {
            n += t.flagsAt(i).stream().filter(f -> f.kind() == kind).count();
        }
        return n;
    }

    private static void assertSameTimeline(Timeline got, Timeline want) {
        assertThat(got.size()).isEqualTo(want.size()).isPositive();
        assertThat(got.coordinateKind()).isEqualTo(want.coordinateKind());
        assertThat(got.flaggedCount()).isEqualTo(want.flaggedCount());
        List<String> gotRows = new ArrayList<>();
        List<String> wantRows = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            gotRows.add(row(got, i));
            wantRows.add(row(want, i));
        }
        assertThat(gotRows).isEqualTo(wantRows);
    }

    private static String row(Timeline t, int i) {
        io.eventscope.event.Event e = t.event(i + 1);
        return e.type() + " " + e.entity() + " " + e.eventTime() + " " + e.numbers() + " " + e.texts()
                + " @" + t.coordinatesAt(i) + " " + t.brokerTimeAt(i) + " "
                + t.headerValuesAt(i) + " " + t.flagsAt(i) + " " + new String(t.payloadAt(i));
    }

    private static void assertSameState(LoadedSource got, LoadedSource want) {
        int n = want.timeline().size();
        assertThat(new ReplayEngine(got.timeline(), BANKING).stateAt(n).entities())
                .isEqualTo(new ReplayEngine(want.timeline(), BANKING).stateAt(n).entities());
    }
}
