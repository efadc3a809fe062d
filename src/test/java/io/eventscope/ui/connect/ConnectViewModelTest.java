package io.eventscope.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.testing.SampleLines;
import io.eventscope.ui.task.CurrentThreadTaskRunner;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Connect dialog's fields, validation and connection test, without a window. */
class ConnectViewModelTest {
    @TempDir
    Path dir;

    private ConnectViewModel model() {
        return new ConnectViewModel(new CurrentThreadTaskRunner(), ProjectionSpecReader.banking(),
                new RecentConnections(dir.resolve("recent.json")));
    }

    @Test
    void aStationWithoutANameIsNotOpenedAndTheDialogSaysWhatIsMissing() {
        ConnectViewModel m = model();
        m.kindProperty().set(SourceKind.MEMPHIS);
        m.hostProperty().set("ledger-prod");

        assertThat(m.sourceText()).isNull();
        assertThat(m.testOkProperty().get()).isFalse();
        assertThat(m.testResultProperty().get()).isEqualTo("Name the station to open.");
    }

    @Test
    void aPortOutOfRangeOrNotANumberIsRefused() {
        ConnectViewModel m = model();
        m.nameProperty().set("bank.ledger");
        m.portProperty().set("70000");
        assertThat(m.sourceText()).isNull();
        assertThat(m.testResultProperty().get()).isEqualTo("The port must be between 1 and 65535.");

        m.portProperty().set("66x");
        assertThat(m.sourceText()).isNull();
        assertThat(m.testResultProperty().get()).isEqualTo("The port must be between 1 and 65535.");
    }

    @Test
    void completeFieldsMakeTheUriWithTheDefaultPort() {
        ConnectViewModel m = model();
        m.kindProperty().set(SourceKind.NATS);
        m.hostProperty().set("ledger-prod");
        m.userProperty().set("reader");
        m.nameProperty().set("orders");

        assertThat(m.sourceText()).isEqualTo("nats://reader@ledger-prod:4222/orders");
    }

    @Test
    void testingAnUnreachablePortFailsInOneSentence() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ConnectViewModel m = model();
        m.kindProperty().set(SourceKind.NATS);
        m.hostProperty().set("127.0.0.1");
        m.portProperty().set(Integer.toString(closedPort));
        m.nameProperty().set("orders");

        m.testConnection();

        assertThat(m.testingProperty().get()).isFalse();
        assertThat(m.testOkProperty().get()).isFalse();
        assertThat(m.testResultProperty().get()).contains("Cannot reach").contains("127.0.0.1:" + closedPort)
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void testingAReadableFileSaysItsEventsAreReadable() {
        ConnectViewModel m = model();
        m.kindProperty().set(SourceKind.FILE);
        m.nameProperty().set(SampleLines.FILE.toString());

        m.testConnection();

        assertThat(m.testOkProperty().get()).isTrue();
        assertThat(m.testResultProperty().get())
                .isEqualTo("Connected to " + SampleLines.FILE + "; events are readable.");
    }

    @Test
    void aRememberedConnectionKeepsNoPassword() throws Exception {
        ConnectViewModel m = model();
        m.kindProperty().set(SourceKind.MEMPHIS);
        m.hostProperty().set("ledger-prod");
        m.userProperty().set("reader");
        m.passwordProperty().set("s3cret-pw");
        m.nameProperty().set("bank.ledger");

        m.remember();

        assertThat(m.recent()).extracting(ConnectionSpec::label)
                .containsExactly("memphis://reader@ledger-prod:6666/bank.ledger");
        assertThat(Files.readString(dir.resolve("recent.json"))).doesNotContain("s3cret-pw");
        m.use(m.recent().get(0));
        assertThat(m.passwordProperty().get()).isEmpty();
    }
}
