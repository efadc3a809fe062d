package io.eventscope.ui.evidence;

import io.eventscope.audit.Cut;
import io.eventscope.audit.evidence.PackWriter;
import io.eventscope.replay.MaskSalt;
import io.eventscope.replay.Masks;
import io.eventscope.audit.evidence.SigningKey;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecException;
import io.eventscope.replay.ProjectionSpecWriter;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import io.eventscope.ui.session.UserMessages;
import io.eventscope.ui.task.TaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;

/**
 * File → Export evidence…: writes an evidence pack of the open source at the cursor in the background,
 * signed with the key in the user's Eventscope folder, and says where it went, its root and the key's
 * fingerprint (or what went wrong) in {@link #messageProperty()}.
 */
public final class EvidenceViewModel {
    private final SessionFeed session;
    private final ObservableIntegerValue cursor;
    private final TaskRunner runner;
    private final Path keyFolder;
    private final String tool;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty();
    private volatile ProjectionSpec chosenSpec;
    private volatile String chosenText;

    public EvidenceViewModel(SessionFeed session, ObservableIntegerValue cursor, TaskRunner runner, Path keyFolder,
                             String tool) {
        this.session = session;
        this.cursor = cursor;
        this.runner = runner;
        this.keyFolder = keyFolder;
        this.tool = tool;
    }

    /** Whether there is something to export now (a source fully loaded, no export running). */
    /** The spec the user chose (File → Projection…) and the text it was read from, recorded while it is in use. */
    public void chosen(ProjectionSpec spec, String text) {
        chosenText = text;
        chosenSpec = spec;
    }

    /** What a pack records for the spec in use: the chosen file's own text, else what the writer can record whole. */
    String specText(ProjectionSpec inUse) throws ProjectionSpecException {
        return inUse == chosenSpec ? chosenText : ProjectionSpecWriter.recordable(inUse);
    }

    public boolean canExport() {
        return session.current() != null && !session.loading().get() && !busy.get();
    }

    /** Exports the cut at the cursor (the event under it cited) into {@code dir}, a new or empty folder. */
    public void export(Path dir) {
        Session s = session.current();
        if (s == null || session.loading().get()) {
            message.set("Open a source and let it finish loading before exporting evidence.");
            return;
        }
        int position = Math.max(0, Math.min(cursor.get(), session.loadedSize()));
        busy.set(true);
        message.set(null);
        runner.run(() -> {
            SigningKey key = SigningKey.inFolder(keyFolder);
            // Masked values go in as the CLI's hashes (same installation salt), or as they are once revealed.
            Masks masks = s.revealed() || s.spec().mask().isEmpty() ? s.masks() : Masks.of(s.spec(), Masks.Mode.HASH,
                    MaskSalt.read(keyFolder.resolve(MaskSalt.FILE_NAME)));
            PackWriter writer = new PackWriter(s.loaded(), specText(s.spec()), key, tool,
                    Clock.systemUTC()).masked(masks);
            return writer.write(dir, new Cut(position, null), position > 0 ? List.of(position) : List.of());
        }, r -> {
            busy.set(false);
            message.set("Evidence pack of " + r.events() + " events written to " + r.dir() + ". Merkle root "
                    + r.merkleRoot() + "; signed with key " + r.fingerprint()
                    + (r.keyCreated() ? " (a new key, kept in " + keyFolder + ")" : "") + ".");
        }, e -> {
            busy.set(false);
            message.set(e instanceof IllegalArgumentException || e instanceof ProjectionSpecException ? e.getMessage()
                    : e instanceof IOException ? "The evidence pack could not be written to " + dir + " ("
                    + e.getMessage() + "); check the folder and the free space." : UserMessages.of(e));
        });
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The last export's outcome in one or two sentences, or null. */
    public StringProperty messageProperty() {
        return message;
    }
}
