package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.testing.JetStreamFixtures;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command against a real nats-server whose password holds '/', '@', '%' and ':', given in the URI
 * (raw and percent-encoded) and with --password-file, right and wrong: the password appears in no
 * output, no error and no file written.
 */
class PasswordNeverShownTest {
    private static final String SECRET = "Zq/7@x%:Pw9";
    private static final String WRONG = "Wr0/ng@%:Xy";
    private static NatsServerProcess server;

    @TempDir
    static Path dir;

    private final List<String> seen = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = NatsServerProcess.start("""
                accounts: {
                  BANK: {
                    jetstream: enabled
                    users: [ { user: "auditor", password: "%s" } ]
                  }
                }
                """.formatted(SECRET));
        try (JetStreamFixtures admin = new JetStreamFixtures(server.url(), "auditor", SECRET)) {
            admin.createStream("ledger", "ledger");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String encoded(String password) {
        return URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private static String uri(String userInfo) {
        return "nats://" + userInfo + "@" + server.hostPort() + "/ledger";
    }

    private Cli run(String... args) {
        Cli r = Cli.run(args);
        seen.add(String.join(" ", args).replace(SECRET, "").replace(encoded(SECRET), "")
                .replace(WRONG, "").replace(encoded(WRONG), "") + "\n" + r.out + r.err);
        return r;
    }

    @Test
    void noCommandPrintsOrWritesThePassword() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.write(events, List.of("{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":5}",
                "{\"type\":\"Withdrawal\",\"account\":\"A\",\"amount\":2}"));
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, SECRET + "\n");
        Path wrongFile = dir.resolve("wrong");
        Files.writeString(wrongFile, WRONG + "\n");
        Path expected = dir.resolve("expected.csv");
        Files.write(expected, List.of("entity,balance", "A,3"));

        assertThat(run("produce", uri("auditor:" + encoded(SECRET)), "--file", events.toString()).exit).isZero();
        List<String[]> ways = List.of(
                new String[] {uri("auditor:" + encoded(SECRET))},
                new String[] {uri("auditor:" + SECRET)},
                new String[] {uri("auditor"), "--password-file", passwordFile.toString()});
        int pack = 0;
        for (String[] way : ways) {
            assertThat(run(with(way, "state")).out).contains("3");
            assertThat(run(with(way, "state", "--format", "json")).exit).isZero();
            assertThat(run(with(way, "events")).exit).isZero();
            assertThat(run(with(way, "events", "--format", "csv")).exit).isZero();
            assertThat(run(with(way, "verify")).exit).isZero();
            assertThat(run(with(way, "explain", "--entity", "A")).exit).isZero();
            assertThat(run(with(way, "reconcile", "--against", expected.toString())).exit).isZero();
            Path out = dir.resolve("pack" + pack++);
            assertThat(run(with(way, "export", "--out", out.toString(), "--signing-key-folder",
                    dir.resolve("keys").toString())).exit).isZero();
            String[] check = way.length == 1 ? new String[] {"verify-pack", out.toString(), "--source", way[0]}
                    : new String[] {"verify-pack", out.toString(), "--source", way[0], way[1], way[2]};
            assertThat(run(check).out).contains("INTACT");
        }
        // Wrong passwords and broken URIs: the errors name the problem, never the secret tried.
        for (String[] way : List.of(new String[] {uri("auditor:" + encoded(WRONG))}, new String[] {uri("auditor:" + WRONG)},
                new String[] {uri("auditor"), "--password-file", wrongFile.toString()},
                new String[] {"nats://auditor:" + WRONG + "@/ledger"}, new String[] {"nats://auditor:" + WRONG + "@ho st/x"})) {
            Cli r = run(with(way, "state"));
            assertThat(r.exit).isNotZero();
            assertThat(r.err.strip()).hasLineCount(1);
            Cli p = run(with(new String[] {way[0]}, "produce", "--file", events.toString()));
            assertThat(p.exit).isNotZero();
        }

        List<String> texts = new ArrayList<>(seen);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.equals(passwordFile) && !f.equals(wrongFile)) {
                    texts.add(f + "\n" + read(f));
                }
            }
        }
        for (String secret : List.of(SECRET, WRONG)) {
            for (String form : List.of(secret, encoded(secret), encoded(secret).toLowerCase(Locale.ROOT),
                    secret.substring(0, 5), secret.substring(secret.length() - 5))) {
                assertThat(texts).as("outputs and files holding %s", form).noneMatch(t -> t.contains(form));
            }
        }
    }

    private static String[] with(String[] way, String command, String... more) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.add(way[0]);
        args.addAll(List.of(more));
        args.addAll(List.of(way).subList(1, way.length));
        return args.toArray(String[]::new);
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
