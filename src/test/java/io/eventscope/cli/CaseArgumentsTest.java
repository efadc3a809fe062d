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
}
