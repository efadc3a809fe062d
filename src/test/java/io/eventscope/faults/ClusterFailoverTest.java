package io.eventscope.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.event.Timeline;
import io.eventscope.load.Sources;
import io.eventscope.source.EventSource;
import io.eventscope.source.LoadProgress;
import io.eventscope.source.LoadWindow;
import io.eventscope.testing.DepositLedger;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.testing.KillingWriter;
import io.eventscope.testing.Loads;
import io.eventscope.testing.NatsCluster;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A three-node JetStream cluster of real nats-server processes holding an R3 stream and an R3 Memphis
 * station layout: a load survives the stream leader dying mid-read and the node it is connected to dying mid-read (listed hosts, and a single
 * host whose peers the server gossips), with exact results. The kill point is chosen by events delivered.
 */
@Tag("faults")
class ClusterFailoverTest {
    private static final int EVENTS = 60_000;
    private static final String STATION_STREAM = "bank#ledger$1";
    private static final long SEED = Long.getLong("eventscope.faultSeed", 14L);
    private static NatsCluster cluster;
    private static JetStreamFixtures admin;

    @BeforeAll
    static void fill() throws Exception {
        cluster = NatsCluster.start(3);
        admin = new JetStreamFixtures(cluster.urls());
        admin.jsm().addStream(StreamConfiguration.builder().name("ledger").subjects("ledger.x")
                .storageType(StorageType.File).replicas(3).build());
        admin.publish(DepositLedger.lines(1, EVENTS), List.of("ledger.x"), null);
        // The Memphis layout of station "bank.ledger" (one partition), replicated the same way.
        admin.jsm().addStream(StreamConfiguration.builder().name(STATION_STREAM).subjects(STATION_STREAM + ".>")
                .storageType(StorageType.File).replicas(3).build());
        admin.publish(DepositLedger.lines(1, EVENTS), List.of(STATION_STREAM + ".final"), null);
        allReplicasCurrent();
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Every test ends with the whole cluster back and the stream fully replicated. */
    @AfterEach
    void heal() {
        cluster.nodes().stream().filter(n -> !n.alive()).forEach(NatsCluster.Node::restart);
        cluster.waitForMetaLeader();
        allReplicasCurrent();
    }

    @Test
    void aLoadSurvivesTheStreamLeaderDyingMidRead() throws Exception {
        String leader = streamLeader();
        // Connect to a follower first, so that only the stream's leadership moves.
        String uri = "nats://" + hostsStartingWithout(leader) + "/ledger";
        loadKilling(uri, cluster.node(leader), 1);
    }

    @Test
    void aLoadSurvivesTheNodeItIsConnectedToDyingMidRead() throws Exception {
        NatsCluster.Node connected = cluster.node(streamLeader().equals("n1") ? "n2" : "n1");
        String uri = "nats://" + connected.hostPort() + "," + cluster.nodes().stream().filter(n -> n != connected)
                .map(NatsCluster.Node::hostPort).collect(Collectors.joining(",")) + "/ledger";
        loadKilling(uri, connected, 2);
    }

    @Test
    void aSingleHostThatGossipsItsPeersSurvivesDyingMidRead() throws Exception {
        // One host named: the client learns the other nodes from the server's INFO and reconnects there.
        NatsCluster.Node connected = cluster.node(streamLeader());
        loadKilling("nats://" + connected.hostPort() + "/ledger", connected, 3);
    }

    @Test
    void aStationLoadSurvivesItsStreamLeaderDyingMidRead() throws Exception {
        String leader = streamLeader(STATION_STREAM);
        String uri = "memphis://" + hostsStartingWithout(leader) + "/bank.ledger";
        loadKilling(uri, cluster.node(leader), 4);
    }

    /** @param salt one per test, so that each test's kill point differs but replays from the seed */
    private void loadKilling(String uri, NatsCluster.Node victim, int salt) throws Exception {
        // Within the first three quarters, so that more is left to read after the kill than one fetch buffers.
        int killAt = 1 + new Random(SEED * 31 + salt).nextInt(EVENTS * 3 / 4);
        System.out.printf("cluster fault: seed %d, kill %s after %,d of %,d events delivered from %s%n",
                SEED, victim.name(), killAt, EVENTS, uri);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (EventSource source = Sources.open(uri)) {
            Timeline t = Loads.timelineFor(source);
            KillingWriter writer = new KillingWriter(t, killAt, victim::kill);
            Future<?> load = background.submit(() -> {
                source.load(writer, LoadWindow.ALL, LoadProgress.NONE, () -> false);
                return null;
            });
            load.get(120, TimeUnit.SECONDS);
            assertThat(writer.atKill()).as("the kill happened mid-read").isBetween(killAt, EVENTS - 1);
            DepositLedger.assertExact(t, EVENTS);
            assertThat(source.completeness().complete()).isTrue();
        } finally {
            background.shutdownNow();
        }
    }

    private static String streamLeader() throws Exception {
        return streamLeader("ledger");
    }

    private static String streamLeader(String stream) throws Exception {
        String[] leader = new String[1];
        NatsCluster.waitUntil("the stream to have a leader", 60, () -> {
            try {
                StreamInfo info = admin.jsm().getStreamInfo(stream);
                leader[0] = info.getClusterInfo() == null ? null : info.getClusterInfo().getLeader();
                return leader[0] != null;
            } catch (Exception e) {
                return false; // elections in progress
            }
        });
        return leader[0];
    }

    private static void allReplicasCurrent() {
        for (String stream : List.of("ledger", STATION_STREAM)) {
            NatsCluster.waitUntil(stream + " to have a leader and two current replicas", 90, () -> {
                try {
                    var info = admin.jsm().getStreamInfo(stream).getClusterInfo();
                    return info != null && info.getLeader() != null && info.getReplicas() != null
                            && info.getReplicas().size() == 2
                            && info.getReplicas().stream().allMatch(r -> r.isCurrent() && !r.isOffline());
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private static String hostsStartingWithout(String name) {
        List<NatsCluster.Node> order = cluster.nodes().stream().sorted((a, b) ->
                Boolean.compare(a.name().equals(name), b.name().equals(name))).toList();
        return order.stream().map(NatsCluster.Node::hostPort).collect(Collectors.joining(","));
    }
}
