package io.eventscope.ui.explain;

import io.eventscope.audit.Cut;
import io.eventscope.audit.Explain;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import io.eventscope.ui.task.TaskRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Explain on a state-panel row: every event that changed the entity's primary field up to the cursor, with
 * its effect and the running value (the core's {@link Explain}, run in the background). A pick jumps the
 * replay to that event; the list exports as the same CSV as {@code explain --format csv}.
 */
public final class ExplainViewModel {
    /** One event of the list as the view shows it. */
    public record Row(int position, String type, String time, String effect, String value) {
    }

    private final SessionFeed session;
    private final ObservableIntegerValue cursor;
    private final TaskRunner runner;
    private final IntConsumer goTo;
    private final ObservableList<Row> steps = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private Explain shown;

    public ExplainViewModel(SessionFeed session, ObservableIntegerValue cursor, TaskRunner runner, IntConsumer goTo) {
        this.session = session;
        this.cursor = cursor;
        this.runner = runner;
        this.goTo = goTo;
    }

    /** Lists the events behind {@code entity}'s value at the cursor. */
    public void explain(String entity) {
        Session s = session.current();
        if (s == null || entity == null) {
            return;
        }
        int position = Math.max(0, Math.min(cursor.get(), session.loadedSize()));
        active.set(true);
        title.set("Explaining " + s.masks().entity(entity) + "…");
        runner.run(() -> Explain.of(s.engine(), new Cut(position, null), entity, null).masked(s.masks()), e -> {
            shown = e;
            steps.setAll(e.events().stream().map(st -> new Row(st.position(), st.type() == null ? "" : st.type(),
                    st.time() == null ? "" : st.time().toString(), st.effect(), st.value() == null ? "" : st.value()))
                    .toList());
            title.set(e.entity() + " " + e.field() + " after #" + e.position() + ": " + e.value() + " ("
                    + e.events().size() + " events)");
        }, err -> {
            shown = null;
            steps.clear();
            title.set(err.getMessage());
        });
    }

    /** Moves the replay to the event of a picked row. */
    public void pick(Row step) {
        if (step != null) {
            goTo.accept(step.position());
        }
    }

    /** Writes the list as CSV to {@code file}; says what happened in {@link #messageProperty()}. */
    public void exportCsv(Path file) {
        Explain e = shown;
        if (e == null) {
            return;
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            e.writeCsv(out);
            message.set("Wrote " + e.events().size() + " events to " + file + ".");
        } catch (IOException ex) {
            message.set("The list could not be written to " + file + " (" + ex.getMessage() + ").");
        }
    }

    public void close() {
        active.set(false);
        steps.clear();
        shown = null;
    }

    public ObservableList<Row> steps() {
        return steps;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Whether the list is open (shown beside the chart). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }
}
