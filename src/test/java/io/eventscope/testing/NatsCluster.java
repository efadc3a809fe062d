package io.eventscope.testing;

import io.eventscope.cli.bench.NatsServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A JetStream cluster of real {@code nats-server} processes on loopback (free ports, full-mesh routes,
 * a store directory and a monitoring port per node). Readiness is read from each node's monitoring
 * endpoint ({@code /healthz}, {@code /jsz}), never assumed after a sleep. Fails when nats-server cannot start.
 */
public final class NatsCluster implements AutoCloseable {
    private static final Pattern META_LEADER = Pattern.compile("\"meta_cluster\"\\s*:\\s*\\{[^}]*\"leader\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One node: its ports and its process (killed, paused and restarted by tests). */
    public final class Node {
        final int index;
        final int clientPort;
        final int clusterPort;
        final int httpPort;
        final Path conf;
        Process process;

        Node(int index, int clientPort, int clusterPort, int httpPort, Path conf) {
            this.index = index;
            this.clientPort = clientPort;
            this.clusterPort = clusterPort;
            this.httpPort = httpPort;
            this.conf = conf;
        }

        public String name() {
            return "n" + (index + 1);
        }

        public String hostPort() {
            return "127.0.0.1:" + clientPort;
        }

        public boolean alive() {
            return process != null && process.isAlive();
        }

        void launch() {
            try {
                process = new ProcessBuilder(NatsServerProcess.executable(), "-c", conf.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve(name() + ".log").toFile()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start nats-server " + name(), e);
            }
        }

        /** SIGKILL, like a crash; returns once the process is gone. */
        public void kill() {
            process.destroyForcibly();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name() + " did not die");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Starts the node again with the same ports and store, and waits until it reports healthy. */
        public void restart() {
            if (alive()) {
                kill();
            }
            launch();
            waitUntil(name() + " healthy again", 30, () -> healthy(this));
        }

        public String monitor(String path) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .timeout(Duration.ofSeconds(2)).build();
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
    }

    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();

    private NatsCluster(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code size} nodes and waits until all are healthy and agree on a meta leader. */
    public static NatsCluster start(int size) {
        try {
            NatsCluster cluster = new NatsCluster(Files.createTempDirectory("eventscope-cluster-"));
            int[] ports = freePorts(size * 3);
            String routes = java.util.stream.IntStream.range(0, size)
                    .mapToObj(i -> "nats-route://127.0.0.1:" + ports[size + i]).collect(Collectors.joining(", "));
            for (int i = 0; i < size; i++) {
                Path conf = cluster.dir.resolve("n" + (i + 1) + ".conf");
                Files.writeString(conf, "server_name: n" + (i + 1) + "\nlisten: 127.0.0.1:" + ports[i]
                        + "\nhttp: 127.0.0.1:" + ports[2 * size + i]
                        + "\njetstream { store_dir: \"" + cluster.dir.resolve("store-n" + (i + 1)) + "\" }"
                        + "\ncluster { name: eventscope, listen: 127.0.0.1:" + ports[size + i]
                        + ", routes: [" + routes + "] }\n");
                cluster.nodes.add(cluster.new Node(i, ports[i], ports[size + i], ports[2 * size + i], conf));
            }
            cluster.nodes.forEach(Node::launch);
            cluster.waitForMetaLeader();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a nats-server cluster", e);
        }
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    /** Client URLs of every node, {@code nats://a,b,c}, for admin connections. */
    public String urls() {
        return nodes.stream().map(n -> "nats://" + n.hostPort()).collect(Collectors.joining(","));
    }

    /** Every live node answers /healthz ok and all name the same meta leader (a live one). */
    public String waitForMetaLeader() {
        String[] leader = new String[1];
        waitUntil("a JetStream meta leader all live nodes agree on", 60, () -> {
            List<String> seen = new ArrayList<>();
            for (Node n : nodes) {
                if (n.alive()) {
                    if (!healthy(n)) {
                        return false;
                    }
                    Matcher m = META_LEADER.matcher(n.monitor("/jsz"));
                    seen.add(m.find() ? m.group(1) : "");
                }
            }
            boolean agreed = !seen.isEmpty() && !seen.get(0).isEmpty() && seen.stream().distinct().count() == 1
                    && node(seen.get(0)).alive();
            leader[0] = agreed ? seen.get(0) : null;
            return agreed;
        });
        return leader[0];
    }

    private static boolean healthy(Node n) {
        return n.monitor("/healthz").contains("\"ok\"");
    }

    /** Polls {@code condition} every 50 ms up to {@code seconds}; fails with {@code what} on timeout. */
    public static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + seconds + " s waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            if (n.process != null) {
                n.process.destroyForcibly();
                try {
                    n.process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
