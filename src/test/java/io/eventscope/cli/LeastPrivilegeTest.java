package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.testing.DepositLedger;
import io.eventscope.testing.JetStreamFixtures;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read command works for a NATS user allowed to publish only to the JetStream API subjects our
 * read path needs (and to subscribe only to its own inboxes), on a stream and on a Memphis station, and
 * the server records no permission violation: nothing but those requests is ever published.
 */
class LeastPrivilegeTest {
    /**
     * The minimum for reading, found by removing subjects until a read command failed (README "Least
     * privilege" lists it): stream info and names, creating an ephemeral consumer, pulling from it.
     */
    static final List<String> MINIMUM = List.of("$JS.API.STREAM.INFO.>", "$JS.API.STREAM.NAMES",
            "$JS.API.CONSUMER.CREATE.>", "$JS.API.CONSUMER.MSG.NEXT.>");
    /** Plus deleting our own ephemeral consumer when a read ends (else the server drops it when idle). */
    static final String TIDY = "$JS.API.CONSUMER.DELETE.>";
    private static final int EVENTS = 3_000;
    private static NatsServerProcess server;

    @BeforeAll
    static void start() {
        String minimum = String.join(", ", MINIMUM.stream().map(s -> "\"" + s + "\"").toList());
        server = NatsServerProcess.start("""
                accounts: {
                  BANK: {
                    jetstream: enabled
                    users: [
                      { user: "admin", password: "admin-secret" }
                      { user: "reader", password: "reader-secret",
                        permissions: { publish: { allow: [%s, "%s"] }, subscribe: { allow: ["_INBOX.>"] } } }
                      { user: "minimal", password: "minimal-secret",
                        permissions: { publish: { allow: [%s] }, subscribe: { allow: ["_INBOX.>"] } } }
                    ]
                  }
                }
                """.formatted(minimum, TIDY, minimum));
        try (JetStreamFixtures admin = new JetStreamFixtures(server.url(), "admin", "admin-secret")) {
            admin.createStream("ledger", "ledger.x");
            admin.publish(DepositLedger.lines(1, EVENTS), List.of("ledger.x"), null);
            admin.createStream("bank#ledger$1", "bank#ledger$1.>");
            admin.publish(DepositLedger.lines(1, EVENTS), List.of("bank#ledger$1.final"), null);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyReadCommandWorksWithTheMinimumPermissionsAndPublishesNothingElse(@TempDir Path dir) throws Exception {
        Path password = dir.resolve("pw");
        Files.writeString(password, "reader-secret\n");
        Path against = dir.resolve("against.csv");
        BigDecimal a3 = DepositLedger.expectedAt(EVENTS).get("A-3");
        StringBuilder csv = new StringBuilder("entity,balance\n");
        DepositLedger.expectedAt(EVENTS).forEach((account, sum) -> csv.append(account).append(',').append(sum).append('\n'));
        Files.writeString(against, csv);
        for (String uri : List.of("nats://reader@" + server.hostPort() + "/ledger",
                "memphis://reader@" + server.hostPort() + "/bank.ledger")) {
            String pw = password.toString();
            Cli events = Cli.run("events", uri, "--password-file", pw, "--limit", "5");
            assertThat(events.exit).as(uri + " events: " + events.err + violations()).isZero();
            assertThat(events.out.lines().count()).isEqualTo(5);
            Cli state = Cli.run("state", uri, "--password-file", pw, "--format", "json");
            assertThat(state.exit).as(uri + " state: " + state.err).isZero();
            assertThat(state.out).contains("A-3").contains(a3.toPlainString());
            Cli verify = Cli.run("verify", uri, "--password-file", pw);
            assertThat(verify.exit).as(uri + " verify: " + verify.err).isZero();
            Cli explain = Cli.run("explain", uri, "--password-file", pw, "--entity", "A-3");
            assertThat(explain.exit).as(uri + " explain: " + explain.err).isZero();
            Cli reconcile = Cli.run("reconcile", uri, "--password-file", pw, "--against", against.toString());
            assertThat(reconcile.exit).as(uri + " reconcile: " + reconcile.out + reconcile.err).isZero();
            Path pack = dir.resolve("pack-" + Math.abs(uri.hashCode()));
            Cli export = Cli.run("export", uri, "--password-file", pw, "--out", pack.toString());
            assertThat(export.exit).as(uri + " export: " + export.err).isZero();
            Cli follow = Cli.run("events", uri, "--password-file", pw, "--from", String.valueOf(EVENTS), "--follow-for", "1");
            assertThat(follow.exit).as(uri + " events --follow-for: " + follow.err).isZero();
        }
        assertThat(violations()).as("permission violations the server logged").noneMatch(v -> v.contains("User \"reader\""));
    }

    @Test
    void withoutTheRightToDeleteItsConsumerAReadStillWorksAndTriesNothingElse(@TempDir Path dir) throws Exception {
        Path password = dir.resolve("pw");
        Files.writeString(password, "minimal-secret\n");
        int before = violations().size();
        for (String uri : List.of("nats://minimal@" + server.hostPort() + "/ledger",
                "memphis://minimal@" + server.hostPort() + "/bank.ledger")) {
            Cli state = Cli.run("state", uri, "--password-file", password.toString(), "--format", "json");
            assertThat(state.exit).as(uri + " state: " + state.err + violations()).isZero();
            assertThat(state.out).contains(DepositLedger.expectedAt(EVENTS).get("A-3").toPlainString());
        }
        assertThat(violations().subList(before, violations().size())).as("refused publishes")
                .allSatisfy(v -> assertThat(v).contains("User \"minimal\"").contains("$JS.API.CONSUMER.DELETE."));
    }

    private static List<String> violations() {
        return server.logLines().stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("violation")).toList();
    }
}
