package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code view CASE.esc} and {@code view eventscope://…}: a broken one is one sentence before any window opens. */
class CaseArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void aTamperedCaseFileIsOneSentenceAndNoWindow() throws Exception {
        Path file = Files.writeString(dir.resolve("t.esc"),
                "{\"version\":1,\"source\":\"kafka://u:secret@h:9092/orders\",\"cursor\":1}");
        Cli cli = Cli.run("view", file.toString());
        assertThat(cli.exit).isNotZero();
        assertThat(cli.err.strip()).doesNotContain("\n").doesNotContain("secret").doesNotContain("Exception")
                .contains("carries a user name or password");
    }

    @Test
    void aLinkToAnUnsupportedSchemeIsRefused() {
        Cli cli = Cli.run("view", "eventscope://open?source=http%3A%2F%2Fevil.example%2Fx&position=3");
        assertThat(cli.exit).isNotZero();
        assertThat(cli.err).contains("kind http://").doesNotContain("Exception");
    }

    @Test
    void caseFilesAndLinksAreRecognisedAsSuchNotAsSources() {
        assertThat(CaseFiles.named("/home/ann/Fraud 12.ESC")).isTrue();
        assertThat(CaseFiles.named("eventscope://open?source=a&position=1")).isTrue();
        assertThat(CaseFiles.named("ledger.jsonl")).isFalse();
        assertThat(CaseFiles.named("nats://h/escrow.esc.x")).isFalse();
    }

    private static io.eventscope.source.LoadWindow viewerWindow(String... args) {
        ViewCommand view = new ViewCommand();
        new picocli.CommandLine(view).parseArgs(args);
        return view.window();
    }

    @Test
    void aWindowOnTheCommandLineReachesTheViewerHeldSoItsBalancesCarryTheHistoryIn() {
        java.time.Instant since = java.time.Instant.parse("2024-03-01T09:41:12Z");
        assertThat(viewerWindow("ledger.jsonl", "--last", "500")).isEqualTo(io.eventscope.source.LoadWindow.heldLast(500));
        assertThat(viewerWindow("nats://h/s", "--since", "2024-03-01T09:41:12Z"))
                .isEqualTo(io.eventscope.source.LoadWindow.heldSince(since));
        assertThat(viewerWindow("ledger.jsonl", "--from-position", "42")).isEqualTo(io.eventscope.source.LoadWindow.heldFrom(42));
        assertThat(viewerWindow("ledger.jsonl")).isEqualTo(io.eventscope.source.LoadWindow.ALL);
    }

    @Test
    void aWindowThatIsNoneOrACaseWithAWindowIsOneSentence() throws Exception {
        Cli zero = Cli.run("view", "ledger.jsonl", "--last", "0");
        assertThat(zero.exit).isNotZero();
        assertThat(zero.err.strip()).isEqualTo("--last must be 1 or more.");
        Path file = Files.writeString(dir.resolve("w.esc"), "{\"version\":1,\"source\":\"a.jsonl\",\"cursor\":1}");
        Cli both = Cli.run("view", file.toString(), "--last", "5");
        assertThat(both.exit).isNotZero();
        assertThat(both.err.strip()).isEqualTo("A case file or link opens the window it was saved with; leave out "
                + "--last, --since and --from-position.");
    }
}
