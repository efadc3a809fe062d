package io.eventscope.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real {@code nats-server} (JetStream on, loopback only, its own store directory), started by the bench
 * and by the broker tests (one per test class).
 * The port is chosen by the server ({@code -p -1}) and read from its log; a restart keeps the port and
 * the store, so streams survive like on a real broker. Fails loudly when no nats-server is installed:
 * broker tests never skip.
 */
public final class NatsServerProcess implements AutoCloseable {
    private static final Pattern LISTENING =
            Pattern.compile("Listening for client connections on 127\\.0\\.0\\.1:(\\d+)");

    private final Path storeDir;
    private final Path configFile;
    private Process process;
    private int port = -1;
    private final List<String> log = new ArrayList<>();

    private NatsServerProcess(Path storeDir, Path configFile) {
        this.storeDir = storeDir;
        this.configFile = configFile;
    }

    /** Starts a plain JetStream server (no auth, no TLS). */
    public static NatsServerProcess start() {
        return start(null);
    }

    /**
     * Starts a server with extra configuration (authorization, tls blocks, ...) in nats-server's config
     * syntax; the listen address, port and store dir always come from the command line.
     */
    public static NatsServerProcess start(String config) {
        try {
            Path dir = Files.createTempDirectory("eventscope-nats-");
            Path conf = null;
            if (config != null) {
                conf = dir.resolve("server.conf");
                Files.writeString(conf, config);
            }
            NatsServerProcess server = new NatsServerProcess(dir.resolve("store"), conf);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a nats-server directory", e);
        }
    }

    public static String executable() {
        for (String candidate : List.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, "nats-server");
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        throw new IllegalStateException("nats-server is not installed (apt-get install nats-server); "
                + "broker tests need a real server");
    }

    private synchronized void launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable(), "-js", "-a", "127.0.0.1",
                "-p", Integer.toString(port), "-sd", storeDir.toString()));
        if (configFile != null) {
            cmd.add("-c");
            cmd.add(configFile.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        process = pb.start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Process p = process;
        Thread reader = new Thread(() -> readLog(p, ready), "nats-server-log");
        reader.setDaemon(true);
        reader.start();
        try {
            port = ready.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("nats-server did not start: " + String.join("\n", logLines()), e);
        }
    }

    private void readLog(Process p, CompletableFuture<Integer> ready) {
        int found = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (log) {
                    log.add(line);
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    found = Integer.parseInt(m.group(1));
                }
                if (found > 0 && line.contains("Server is ready")) {
                    ready.complete(found);
                }
            }
        } catch (IOException ignored) {
            // the process ended; the log is complete
        }
        ready.completeExceptionally(new IllegalStateException("nats-server exited"));
    }

    public List<String> logLines() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public int port() {
        return port;
    }

    /** {@code nats://127.0.0.1:PORT} */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** Kills the server hard (SIGKILL), like a crash. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the process is running (a paused one counts as running). */
    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Freezes the server (SIGSTOP): connections stay open but nothing answers, like a stalled broker. */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** Thaws a paused server (SIGCONT). */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String which) {
        try {
            Process kill = new ProcessBuilder("kill", which, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + which + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal nats-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same port with the same store. */
    public synchronized void restart() {
        kill();
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart nats-server", e);
        }
    }

    @Override
    public synchronized void close() {
        kill();
        Path root = storeDir.getParent();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up
        }
    }
}
