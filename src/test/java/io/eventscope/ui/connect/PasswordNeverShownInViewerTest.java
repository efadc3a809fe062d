package io.eventscope.ui.connect;

import static io.eventscope.ui.task.FxThread.call;
import static io.eventscope.ui.task.FxThread.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.cli.bench.NatsServerProcess;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.JetStreamFixtures;
import io.eventscope.ui.MainViewModel;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's side of "a password is never shown": the Connect dialog's model tests a real nats-server
 * that requires a password holding '/', '@', '%' and ':' (right and wrong), remembers the connection,
 * and the window's model opens the stream, saves a case and copies a link, then fails to open it with
 * the wrong password. No message, title, status, banner, console line, remembered connection, case
 * file or link holds the password in any form (raw, percent-encoded, or a five-character piece of it).
 */
class PasswordNeverShownInViewerTest {
    private static final String SECRET = "Zq/7@x%:Pw9";
    private static final String WRONG = "Wr0/ng@%:Xy";
    private static NatsServerProcess server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
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
            for (String line : List.of(
                    "{\"type\":\"Deposit\",\"account\":\"A\",\"amount\":3,\"timestamp\":\"2024-03-01T10:00:00Z\"}",
                    "{\"type\":\"Deposit\",\"account\":\"B\",\"amount\":4,\"timestamp\":\"2024-03-01T10:01:00Z\"}")) {
                admin.publish("ledger", line, null);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noMessageStoredConnectionCaseFileOrLinkHoldsThePassword() throws Exception {
        List<String> texts = new ArrayList<>();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        MainViewModel window = call(() -> new MainViewModel(new CurrentThreadTaskRunner(),
                ProjectionSpecReader.banking(), ZoneOffset.UTC));
        try {
            ConnectViewModel connect = new ConnectViewModel(new CurrentThreadTaskRunner(),
                    ProjectionSpecReader.banking(), new RecentConnections(dir.resolve("recent-connections.json")));
            connect.kindProperty().set(SourceKind.NATS);
            connect.hostProperty().set("127.0.0.1");
            connect.portProperty().set(Integer.toString(server.port()));
            connect.userProperty().set("auditor");
            connect.nameProperty().set("ledger");

            connect.passwordProperty().set(WRONG);
            String wrongText = connect.sourceText();
            connect.testConnection();
            assertThat(connect.testOkProperty().get()).isFalse();
            texts.add(connect.testResultProperty().get());

            connect.passwordProperty().set(SECRET);
            String rightText = connect.sourceText();
            texts.add(connect.spec().toString()); // what a log line or a debugger's message would show
            connect.testConnection();
            assertThat(connect.testResultProperty().get()).startsWith("Connected to ");
            texts.add(connect.testResultProperty().get());
            connect.remember();
            connect.recent().forEach(c -> texts.add(c.label() + " " + c));

            run(() -> window.open(rightText));
            assertThat(call(() -> window.session().size())).isEqualTo(2);
            Path caseFile = dir.resolve("case.esc");
            run(() -> window.cases().save(caseFile));
            String link = call(() -> window.cases().link());
            assertThat(link).startsWith("eventscope://");
            texts.add(link);
            texts.add(URI.create(link).getQuery() == null ? "" : URI.create(link).getQuery()); // decoded
            texts.addAll(viewerTexts(window));
            assertThat(Files.readString(caseFile)).contains("ledger");

            run(() -> window.open(wrongText));
            assertThat(call(() -> window.session().errorProperty().get())).isNotBlank();
            texts.addAll(viewerTexts(window));
        } finally {
            run(window::dispose);
            System.setOut(out);
            System.setErr(err);
        }
        texts.add(console.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(f + "\n" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }

        assertThat(texts).isNotEmpty();
        for (String secret : List.of(SECRET, WRONG)) {
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            for (String form : List.of(secret, encoded, encoded.toLowerCase(Locale.ROOT), secret.substring(0, 5),
                    secret.substring(secret.length() - 5))) {
                assertThat(texts).as("viewer texts and files holding %s", form).noneMatch(t -> t != null && t.contains(form));
            }
        }
    }

    /**
     * {@code view nats://auditor@host/ledger --password-file F}: the window is given the password apart from the
     * source text (as {@code ViewerApp} does), opens the stream with it, and neither shows nor saves it.
     */
    @Test
    void aPasswordGivenApartFromTheUriOpensTheStreamAndIsNeverShown() {
        MainViewModel window = call(() -> new MainViewModel(new CurrentThreadTaskRunner(),
                ProjectionSpecReader.banking(), ZoneOffset.UTC));
        String source = "nats://auditor@127.0.0.1:" + server.port() + "/ledger";
        List<String> texts = new ArrayList<>();
        try {
            run(() -> window.open(source));
            assertThat(call(() -> window.session().errorProperty().get())).isNotBlank(); // no password yet

            run(() -> window.session().access().setPassword(SECRET));
            run(() -> window.open(source));
            assertThat(call(() -> window.session().errorProperty().get())).isNull();
            assertThat(call(() -> window.session().size())).isEqualTo(2);
            run(window::reload); // Reload reads it with the same password
            assertThat(call(() -> window.session().size())).isEqualTo(2);
            assertThat(call(() -> window.session().errorProperty().get())).isNull();
            texts.addAll(viewerTexts(window));
            texts.add(call(() -> window.cases().link()));
        } finally {
            run(window::dispose);
        }
        assertThat(texts).noneMatch(t -> t != null && (t.contains(SECRET) || t.contains(SECRET.substring(0, 5))));
    }

    private static List<String> viewerTexts(MainViewModel window) {
        return call(() -> List.of(String.valueOf(window.session().titleProperty().get()),
                String.valueOf(window.session().statusProperty().get()),
                String.valueOf(window.session().errorProperty().get()),
                String.valueOf(window.session().progressTextProperty().get()),
                String.valueOf(window.summaryProperty().get())));
    }
}
