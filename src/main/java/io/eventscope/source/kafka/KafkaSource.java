package io.eventscope.source.kafka;

import io.eventscope.event.CoordinateKind;
import io.eventscope.event.TimelineWriter;
import io.eventscope.source.Completeness;
import io.eventscope.source.EventSource;
import io.eventscope.source.LiveTail;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.source.SourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * A Kafka topic read as one timeline: every partition, merged by record timestamp, then partition, then
 * offset. Read-only and traceless: no {@code group.id}, assign + seek only, nothing committed; reads
 * committed records only unless {@code aborted=show}. Coordinates are partition ({@code topic-N}) + offset.
 */
public final class KafkaSource implements EventSource {
    static final long DEFAULT_STALL_MILLIS = 30_000;

    private final KafkaEndpoint endpoint;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final List<TopicFollower> tails = new CopyOnWriteArrayList<>();
    private long stallMillis = DEFAULT_STALL_MILLIS;
    private PartitionTrack[] tracks;
    private long[] followFrom;
    private volatile Completeness completeness = Completeness.NONE;

    private KafkaSource(KafkaEndpoint endpoint, KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        this.endpoint = endpoint;
        this.consumer = consumer;
        this.partitions = List.copyOf(partitions);
    }

    /** Connects and checks that the topic exists, within about {@link KafkaClients#REQUEST_MILLIS}. */
    public static KafkaSource open(KafkaEndpoint endpoint) throws SourceException {
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = KafkaClients.consumer(endpoint, !endpoint.showAborted());
        } catch (KafkaException e) {
            throw KafkaErrors.translate(endpoint, e);
        }
        try {
            List<TopicPartition> tps = TopicCatalog.partitions(consumer, endpoint);
            return new KafkaSource(endpoint, consumer, tps);
        } catch (SourceException | RuntimeException e) {
            closeQuietly(consumer);
            throw e;
        }
    }

    /** For tests: how long a load may receive nothing at all before it reports the broker lost. */
    public void stallTimeoutMillis(long millis) {
        this.stallMillis = millis;
    }

    @Override
    public String displayName() {
        return endpoint.displayName();
    }

    @Override
    public String defaultEntity() {
        return endpoint.topic();
    }

    @Override
    public CoordinateKind coordinateKind() {
        return CoordinateKind.OFFSET;
    }

    @Override
    public Completeness completeness() {
        return completeness;
    }

    /**
     * The records between each partition's log start and end (an upper bound: transaction markers and
     * compacted-away records have offsets too) and the bytes the brokers' logs hold; null when the brokers will
     * not tell their log sizes.
     */
    @Override
    public io.eventscope.source.SourceSize sizeUpFront() throws SourceException {
        try {
            var begin = consumer.beginningOffsets(partitions, Duration.ofMillis(KafkaClients.REQUEST_MILLIS));
            var end = consumer.endOffsets(partitions, Duration.ofMillis(KafkaClients.REQUEST_MILLIS));
            long records = 0;
            for (TopicPartition tp : partitions) {
                records += end.get(tp) - begin.get(tp);
            }
            long bytes = TopicFacts.logBytes(endpoint, partitions);
            return bytes < 0 ? null : new io.eventscope.source.SourceSize(records, bytes, true);
        } catch (KafkaException e) {
            throw KafkaErrors.translate(endpoint, e);
        }
    }

    @Override
    public void load(TimelineWriter writer, LoadWindow window, LoadProgress progress, BooleanSupplier cancelled)
            throws SourceException {
        int n = partitions.size();
        boolean compacted = TopicFacts.compacted(endpoint);
        String gapReason = compacted ? "removed by compaction (the topic is compacted)"
                : "no record at these offsets (transaction markers, aborted transactions, or removed by retention)";
        PartitionTrack[] t = new PartitionTrack[n];
        boolean finished = false;
        try {
            var begin = consumer.beginningOffsets(partitions, Duration.ofMillis(KafkaClients.REQUEST_MILLIS));
            var end = consumer.endOffsets(partitions, Duration.ofMillis(KafkaClients.REQUEST_MILLIS));
            long[] start = TopicWindow.startOffsets(consumer, partitions, window, begin, end);
            for (int i = 0; i < n; i++) {
                TopicPartition tp = partitions.get(i);
                t[i] = new PartitionTrack(tp.toString(), begin.get(tp), end.get(tp), start[i], gapReason);
            }
            tracks = t;
            CommittedOffsets committed = endpoint.showAborted() ? committedOffsets(start, cancelled) : null;
            consumer.assign(partitions);
            for (int i = 0; i < n; i++) {
                consumer.seek(partitions.get(i), start[i]);
            }
            RecordAppender appender = new RecordAppender(writer, t, committed);
            long sinceMillis = window.since() == null ? Long.MIN_VALUE : window.since().toEpochMilli();
            new PartitionMerge(consumer, partitions, t, appender, stallMillis, endpoint)
                    .run(window.last(), sinceMillis, progress, cancelled);
            finished = true;
        } catch (KafkaException e) {
            throw KafkaErrors.translate(endpoint, e);
        } finally {
            completeness = completeness(t, compacted, finished);
        }
    }

    private CommittedOffsets committedOffsets(long[] start, BooleanSupplier cancelled) throws SourceException {
        KafkaConsumer<byte[], byte[]> committedReader = KafkaClients.consumer(endpoint, true);
        try {
            return CommittedOffsets.read(committedReader, partitions, start, cancelled, stallMillis, endpoint);
        } finally {
            closeQuietly(committedReader);
        }
    }

    private Completeness completeness(PartitionTrack[] t, boolean compacted, boolean finished) {
        List<Completeness.StreamExtent> extents = new ArrayList<>();
        followFrom = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            if (t[i] == null) {
                return Completeness.NONE; // offsets never arrived: nothing was read
            }
            // Only a load that reached every end may call the offsets after its last record a gap.
            long readTo = finished ? t[i].end : t[i].next();
            extents.add(t[i].extent(readTo));
            followFrom[i] = Math.max(t[i].next(), readTo);
        }
        List<String> caveats = compacted ? List.of("topic " + endpoint.topic() + " is compacted: records replaced "
                + "by a later one with the same key are gone, so state before compaction cannot be known")
                : List.of();
        return new Completeness(extents, 0, 0, caveats);
    }

    @Override
    public boolean supportsFollow() {
        return true;
    }

    /** Reads on from where the load stopped, committed records only (a tail cannot know a later abort). */
    @Override
    public LiveTail follow(TimelineWriter writer, Consumer<SourceException> onError) throws SourceException {
        if (tracks == null || followFrom == null) {
            throw new SourceException("Load " + displayName() + " before following it.");
        }
        TopicFollower tail = TopicFollower.start(endpoint, partitions, followFrom.clone(),
                new RecordAppender(writer, tracks, null), onError);
        tails.add(tail);
        return tail;
    }

    @Override
    public void close() {
        tails.forEach(TopicFollower::close);
        tails.clear();
        closeQuietly(consumer);
    }

    static void closeQuietly(KafkaConsumer<?, ?> consumer) {
        try {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
        } catch (RuntimeException e) {
            // closing is best effort: nothing was committed, so nothing can be lost
        }
    }

    static List<TopicPartition> sorted(List<TopicPartition> tps) {
        List<TopicPartition> out = new ArrayList<>(tps);
        out.sort(Comparator.comparingInt(TopicPartition::partition));
        return out;
    }
}
