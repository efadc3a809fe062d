package io.eventscope.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.audit.AuditReport;
import io.eventscope.audit.FindingKind;
import io.eventscope.event.FlagKind;
import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.Completeness;
import io.eventscope.source.LiveTail;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import io.eventscope.testing.KafkaTestBroker;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading topics of a real in-process Kafka broker: nothing left behind, tombstones and odd headers,
 * transactions (gaps with reasons, aborted records shown only when asked), compaction, a live tail, and
 * one sentence within 10 s for the mistakes a user makes.
 */
class KafkaSourceTest {
    private static KafkaTestBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaTestBroker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    private static LoadedSource open(String topic, LoadWindow window) throws SourceException {
        return TimelineLoad.under(ProjectionSpecReader.banking()).window(window).open(broker.uri(topic));
    }

    private static byte[] deposit(String account, int amount, String time) {
        return ("{\"type\":\"Deposit\",\"account\":\"" + account + "\",\"amount\":" + amount + ",\"timestamp\":\""
                + time + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(String topic, Integer partition, long millis, String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            p.send(new ProducerRecord<>(topic, partition, millis, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Before loading, a topic tells its records and log bytes, so the viewer can offer a window first. */
    @Test
    void aTopicTellsItsSizeBeforeItIsRead() throws Exception {
        broker.createTopic("sized", 3, Map.of());
        long payloadBytes = 0;
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            for (int i = 0; i < 3_000; i++) {
                byte[] value = deposit("A" + (i % 7), i, "2024-03-01T10:00:00Z");
                payloadBytes += value.length;
                p.send(new ProducerRecord<>("sized", i % 3, 1000L + i, null, value));
            }
            p.flush();
        }
        try (io.eventscope.source.EventSource source = io.eventscope.load.Sources.open(broker.uri("sized"))) {
            io.eventscope.source.SourceSize size = source.sizeUpFront();
            assertThat(size).isNotNull();
            assertThat(size.positions()).isEqualTo(3_000);
            assertThat(size.bytes()).as("log bytes hold the payloads").isGreaterThanOrEqualTo(payloadBytes);
            assertThat(size.estimated()).isTrue();
            io.eventscope.load.LoadForecast tight = io.eventscope.load.LoadForecast.of(source,
                    ProjectionSpecReader.banking(), 64 << 10);
            assertThat(tight.clearlyTooLarge()).isTrue();
            assertThat(io.eventscope.load.LoadForecast.of(source, ProjectionSpecReader.banking(), 64L << 20)
                    .clearlyTooLarge()).isFalse();
        }
    }

    @Test
    void readingAndFollowingLeaveNoConsumerGroupBehind() throws Exception {
        broker.createTopic("quiet", 2, Map.of());
        send("quiet", 0, 1000, "A", deposit("A", 5, "2024-03-01T10:00:00Z"));
        send("quiet", 1, 2000, "B", deposit("B", 7, "2024-03-01T10:00:01Z"));
        var before = broker.consumerGroups();
        try (LoadedSource loaded = open("quiet", LoadWindow.ALL)) {
            assertThat(loaded.timeline().size()).isEqualTo(2);
            try (LiveTail tail = loaded.follow(e -> { })) {
                send("quiet", 1, 3000, "B", deposit("B", 1, "2024-03-01T10:00:02Z"));
                awaitSize(loaded.timeline(), 3);
            }
        }
        assertThat(broker.consumerGroups()).isEqualTo(before).isEmpty();
    }

    @Test
    void aTombstoneIsKeptFlaggedAndHeadersCannotSplit() throws Exception {
        broker.createTopic("ledger", 1, Map.of());
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            ProducerRecord<byte[], byte[]> withHeaders = new ProducerRecord<>("ledger", 0, 1000L,
                    "A".getBytes(StandardCharsets.UTF_8), deposit("A", 10, "2024-03-01T10:00:00Z"),
                    List.of(new RecordHeader("note", "two\nlines\0nul".getBytes(StandardCharsets.UTF_8)),
                            new RecordHeader("empty", null)));
            p.send(withHeaders).get(30, TimeUnit.SECONDS);
            p.send(new ProducerRecord<byte[], byte[]>("ledger", 0, 2000L, "A".getBytes(StandardCharsets.UTF_8), (byte[]) null))
                    .get(30, TimeUnit.SECONDS);
        }
        try (LoadedSource loaded = open("ledger", LoadWindow.ALL)) {
            Timeline t = loaded.timeline();
            assertThat(t.size()).isEqualTo(2);
            assertThat(t.flagsAt(0)).isEmpty();
            assertThat(t.headersAt(0)).containsEntry("kafka.key", "A").containsEntry("kafka.timestamp-type", "CreateTime")
                    .containsEntry("note", "two\\nlines\\0nul").containsEntry("empty", "").hasSize(4);
            assertThat(t.flagsAt(1)).extracting(f -> f.kind()).containsExactly(FlagKind.TOMBSTONE);
            assertThat(t.coordinatesAt(1).toString()).isEqualTo("ledger-0 offset 1");
            assertThat(t.brokerTimeAt(1)).isEqualTo(2000L * 1_000_000L);
            assertThat(AuditReport.of(loaded).flags().flagged()).isEqualTo(1);
        }
    }

    @Test
    void transactionsLeaveGapsWithAReasonAndAbortedRecordsAreShownOnlyWhenAsked() throws Exception {
        broker.createTopic("tx", 1, Map.of());
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of("transactional.id", "eventscope-test"))) {
            p.initTransactions();
            p.beginTransaction(); // offsets 0, 1, then a commit marker at 2
            p.send(new ProducerRecord<>("tx", 0, 1000L, null, deposit("A", 1, "2024-03-01T10:00:00Z")));
            p.send(new ProducerRecord<>("tx", 0, 1001L, null, deposit("A", 2, "2024-03-01T10:00:01Z")));
            p.commitTransaction();
            p.beginTransaction(); // offset 3 aborted, abort marker at 4
            p.send(new ProducerRecord<>("tx", 0, 1002L, null, deposit("A", 100, "2024-03-01T10:00:02Z")));
            p.flush();
            p.abortTransaction();
            p.beginTransaction(); // offset 5, commit marker at 6
            p.send(new ProducerRecord<>("tx", 0, 1003L, null, deposit("A", 4, "2024-03-01T10:00:03Z")));
            p.commitTransaction();
        }
        awaitStableOffset("tx", 7); // the coordinator writes the last commit marker after commitTransaction returns
        try (LoadedSource committed = open("tx", LoadWindow.ALL)) {
            assertThat(committed.timeline().size()).isEqualTo(3);
            Completeness.StreamExtent extent = committed.completeness().streams().get(0);
            assertThat(extent.gaps()).extracting(Completeness.Gap::from, Completeness.Gap::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 4L), org.assertj.core.groups.Tuple.tuple(6L, 6L));
            assertThat(extent.gaps().get(0).reason()).contains("transaction");
            AuditReport report = AuditReport.of(committed);
            assertThat(report.gaps()).isEqualTo(2);
            assertThat(report.groups()).extracting(g -> g.kind()).contains(FindingKind.SEQUENCE_GAP);
        }
        try (LoadedSource all = TimelineLoad.under(ProjectionSpecReader.banking())
                .open(broker.uri("tx") + "?aborted=show")) {
            Timeline t = all.timeline();
            assertThat(t.size()).isEqualTo(4);
            assertThat(t.flagsAt(2)).extracting(f -> f.kind()).containsExactly(FlagKind.NOT_COMMITTED);
            assertThat(t.coordinatesAt(2).number()).isEqualTo(3);
            assertThat(t.flaggedCount()).isEqualTo(1);
        }
    }

    @Test
    void aCompactedTopicIsNamedAsSuch() throws Exception {
        broker.createTopic("accounts", 1, Map.of("cleanup.policy", "compact"));
        send("accounts", 0, 1000, "A", deposit("A", 1, "2024-03-01T10:00:00Z"));
        try (LoadedSource loaded = open("accounts", LoadWindow.ALL)) {
            assertThat(loaded.completeness().caveats()).singleElement().asString()
                    .contains("compacted").contains("before compaction cannot be known");
            AuditReport report = AuditReport.of(loaded);
            assertThat(report.clean()).isFalse();
            // the records are stamped seconds after 1970 while their payloads say 2024: a clock finding too
            assertThat(report.groups()).extracting(g -> g.kind())
                    .containsExactly(FindingKind.SOURCE_CAVEAT, FindingKind.CLOCK_SKEW);
        }
    }

    @Test
    void sinceAndFromPositionPickOffsetsPerPartition() throws Exception {
        broker.createTopic("windowed", 2, Map.of());
        for (int i = 0; i < 6; i++) {
            send("windowed", i % 2, 10_000L + i * 1000L, null, deposit("A", i, "2024-03-01T10:00:0" + i + "Z"));
        }
        try (LoadedSource since = open("windowed", new LoadWindow(0, Instant.ofEpochMilli(12_500), 0))) {
            assertThat(since.timeline().size()).isEqualTo(3); // stamped 13, 14 and 15 s
            assertThat(since.timeline().brokerTimeAt(0)).isEqualTo(13_000L * 1_000_000L);
        }
        try (LoadedSource from = open("windowed", new LoadWindow(2, null, 0))) {
            assertThat(from.timeline().size()).isEqualTo(2); // offset 2 of each partition
            assertThat(from.timeline().coordinatesAt(0).toString()).isEqualTo("windowed-0 offset 2");
            assertThat(from.timeline().coordinatesAt(1).toString()).isEqualTo("windowed-1 offset 2");
        }
    }

    @Test
    void aPortWithNoBrokerIsOneSentenceWithinTenSeconds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> Sources_open("kafka://127.0.0.1:" + port + "/bank"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("No Kafka broker answered at 127.0.0.1:" + port);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void anUnknownHostIsOneSentence() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Sources_open("kafka://no-such-host.invalid/bank"))
                .isInstanceOf(SourceException.class).hasMessageContaining("no-such-host.invalid:9092")
                .hasMessageNotContaining("Exception");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void theConnectDialogsTestSaysInOneSentenceWhatWorked() throws Exception {
        broker.createTopic("connect", 1, Map.of());
        send("connect", 0, 1000, "A", deposit("A", 5, "2024-03-01T10:00:00Z"));
        var model = new io.eventscope.ui.connect.ConnectViewModel(new io.eventscope.ui.task.CurrentThreadTaskRunner(),
                ProjectionSpecReader.banking(), new io.eventscope.ui.connect.RecentConnections(
                        java.nio.file.Files.createTempDirectory("recent").resolve("recent.json")));
        model.kindProperty().set(io.eventscope.ui.connect.SourceKind.KAFKA);
        model.hostProperty().set(broker.bootstrap());
        model.nameProperty().set("connect");
        model.testConnection();
        assertThat(model.testOkProperty().get()).as(model.testResultProperty().get()).isTrue();
        assertThat(model.testResultProperty().get()).isEqualTo("Connected to " + broker.uri("connect")
                + "; events are readable.");
        model.nameProperty().set("absent");
        model.testConnection();
        assertThat(model.testOkProperty().get()).isFalse();
        assertThat(model.testResultProperty().get()).startsWith("There is no topic absent at");
    }

    private static void Sources_open(String uri) throws SourceException {
        io.eventscope.load.Sources.open(uri).close();
    }

    /** Waits, bounded, until partition 0's last stable offset (what read committed sees) reaches {@code offset}. */
    private static void awaitStableOffset(String topic, long offset) throws Exception {
        var tp = new org.apache.kafka.common.TopicPartition(topic, 0);
        var options = new org.apache.kafka.clients.admin.ListOffsetsOptions(
                org.apache.kafka.common.IsolationLevel.READ_COMMITTED);
        try (var admin = broker.admin()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long stable = -1;
            while (stable < offset && System.nanoTime() < deadline) {
                stable = admin.listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()), options)
                        .partitionResult(tp).get(10, TimeUnit.SECONDS).offset();
            }
            assertThat(stable).isEqualTo(offset);
        }
    }

    /** Waits for the live tail, bounded: fails rather than hangs when nothing arrives. */
    private static void awaitSize(Timeline t, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (t.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(t.size()).isEqualTo(size);
    }
}
