package io.eventscope.testing;

import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.load.TimelineLoad;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A viewer session loaded from JSON lines, and the plain properties a feature view model watches, so
 * view models are tested without the FX toolkit: given a loaded source, act on the model, assert.
 */
public final class ViewerSessions {
    public final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    public final IntegerProperty size = new SimpleIntegerProperty();
    public final BooleanProperty loading = new SimpleBooleanProperty();
    public final List<Throwable> errors = new ArrayList<>();
    public final ProjectionSpec spec;

    public ViewerSessions(ProjectionSpec spec) {
        this.spec = spec;
    }

    public static ViewerSessions banking() {
        return new ViewerSessions(ProjectionSpecReader.banking());
    }

    public SessionFeed feed() {
        return new SessionFeed(session, size, loading, errors::add, spec);
    }

    /** Loads {@code lines} as the file {@code dir/name.jsonl} and makes it the current, fully published session. */
    public Session open(Path dir, String name, List<String> lines) {
        try {
            Path file = dir.resolve(name + ".jsonl");
            Files.write(file, lines);
            Session s = new Session(TimelineLoad.under(spec).open(file.toString()));
            session.set(s);
            size.set(s.timeline().size());
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
