package io.eventscope.ui.connect;

import io.eventscope.load.LoadedSource;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.ui.session.UserMessages;
import io.eventscope.ui.task.TaskRunner;
import java.net.URISyntaxException;
import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Connect dialog's fields, its "Test connection" check and the recent list. */
public final class ConnectViewModel {
    /** How long a test waits for the first event before calling the connection good anyway. */
    static final Duration TEST_WAIT = Duration.ofSeconds(5);

    private final TaskRunner runner;
    private final ProjectionSpec spec;
    private final RecentConnections recent;
    private final ObjectProperty<SourceKind> kind = new SimpleObjectProperty<>(SourceKind.MEMPHIS);
    private final StringProperty host = new SimpleStringProperty("localhost");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty tls = new SimpleBooleanProperty();
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty mechanism = new SimpleStringProperty("PLAIN");
    private final StringProperty testResult = new SimpleStringProperty("");
    private final BooleanProperty testOk = new SimpleBooleanProperty();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final ObservableList<ConnectionSpec> recentList = FXCollections.observableArrayList();

    public ConnectViewModel(TaskRunner runner, ProjectionSpec spec, RecentConnections recent) {
        this.runner = runner;
        this.spec = spec;
        this.recent = recent;
        recentList.setAll(recent.load());
    }

    /** The connection typed so far. */
    public ConnectionSpec spec() {
        int p;
        try {
            p = port.get() == null || port.get().isBlank() ? 0 : Integer.parseInt(port.get().trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        return new ConnectionSpec(kind.get(), host.get(), p, user.get(), password.get(), tls.get(), caFile.get(),
                name.get(), kind.get() == SourceKind.KAFKA ? mechanism.get() : null);
    }

    /** The source text to open, or null (with the reason in {@link #testResultProperty()}) when incomplete. */
    public String sourceText() {
        ConnectionSpec c = spec();
        String problem = c.problem();
        if (problem != null) {
            report(false, problem);
            return null;
        }
        try {
            return c.sourceText();
        } catch (URISyntaxException e) {
            report(false, c.kind() == SourceKind.KAFKA
                    ? "List the Kafka hosts as host[:port], separated by commas, and check the topic name."
                    : "The host or name contains characters a URI cannot hold; check them.");
            return null;
        }
    }

    /** Opens the source and reads until the first event (or a few seconds), then reports in one sentence. */
    public void testConnection() {
        String text = sourceText();
        if (text == null) {
            return;
        }
        testing.set(true);
        report(true, "Testing…");
        runner.run(() -> {
            LoadedSource scratch = TimelineLoad.under(spec).oneDecodingThread().untilFirstEvent(TEST_WAIT).read(text);
            return "Connected to " + scratch.sourceName() + (scratch.timeline().size() > 0 ? "; events are readable."
                    : "; no events yet.");
        }, ok -> {
            testing.set(false);
            report(true, ok);
        }, e -> {
            testing.set(false);
            report(false, UserMessages.of(e));
        });
    }

    private void report(boolean ok, String text) {
        testOk.set(ok);
        testResult.set(text);
    }

    /** Remembers the connection (never its password). */
    public void remember() {
        recent.remember(spec());
        recentList.setAll(recent.load());
    }

    /** Fills the fields from a remembered connection; the password must be typed again. */
    public void use(ConnectionSpec c) {
        if (c == null) {
            return;
        }
        kind.set(c.kind());
        host.set(c.host() == null ? "" : c.host());
        port.set(c.port() > 0 ? Integer.toString(c.port()) : "");
        user.set(c.user() == null ? "" : c.user());
        password.set("");
        tls.set(c.tls());
        caFile.set(c.caFile() == null ? "" : c.caFile());
        name.set(c.name() == null ? "" : c.name());
        mechanism.set(c.mechanism() == null ? "PLAIN" : c.mechanism());
    }

    /** The SASL mechanisms a Kafka connection may use. */
    public java.util.List<String> mechanisms() {
        return io.eventscope.source.kafka.KafkaEndpoint.MECHANISMS;
    }

    /** Kafka only: the SASL mechanism used when a user is given. */
    public StringProperty mechanismProperty() {
        return mechanism;
    }

    public ObjectProperty<SourceKind> kindProperty() {
        return kind;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty tlsProperty() {
        return tls;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty testResultProperty() {
        return testResult;
    }

    public BooleanProperty testOkProperty() {
        return testOk;
    }

    public BooleanProperty testingProperty() {
        return testing;
    }

    public ObservableList<ConnectionSpec> recent() {
        return recentList;
    }
}
