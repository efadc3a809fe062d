package io.eventscope.ui.reconcile;

import io.eventscope.audit.Reconcile;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionFeed;
import io.eventscope.ui.task.TaskRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File → Reconcile…: another system's state (a CSV) against the replayed state at the cursor, in the
 * background; every difference becomes a row (a field that differs, or an entity only on one side).
 */
public final class ReconcileViewModel {
    /** One difference as the table shows it. */
    public record Row(String entity, String field, String file, String replay) {
    }

    private final SessionFeed session;
    private final ObservableIntegerValue cursor;
    private final TaskRunner runner;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");

    public ReconcileViewModel(SessionFeed session, ObservableIntegerValue cursor, TaskRunner runner) {
        this.session = session;
        this.cursor = cursor;
        this.runner = runner;
    }

    public void reconcile(Path csv) {
        Session s = session.current();
        if (s == null) {
            summary.set("Open a source first.");
            return;
        }
        int position = Math.max(0, Math.min(cursor.get(), session.loadedSize()));
        rows.clear();
        summary.set("Reconciling " + csv.getFileName() + " at #" + position + "…");
        runner.run(() -> {
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                return Reconcile.of(s.engine().stateAt(position), in, csv.getFileName().toString()).masked(s.masks());
            }
        }, r -> {
            r.mismatches().forEach(m -> rows.add(new Row(m.entity(), m.field(), m.expected(), m.replayed())));
            r.onlyInSource().forEach(id -> rows.add(new Row(id, "", "(not in the file)", "present")));
            r.onlyInFile().forEach(id -> rows.add(new Row(id, "", "present", "(not in the source)")));
            summary.set(csv.getFileName() + " at #" + position + ": " + r.matched() + " entities match, "
                    + r.mismatches().size() + " field differences, " + r.onlyInSource().size() + " only in the source, "
                    + r.onlyInFile().size() + " only in the file.");
        }, e -> summary.set(e instanceof IllegalArgumentException ? e.getMessage()
                : e instanceof IOException ? "The file " + csv + " cannot be read (" + e.getMessage() + ")."
                : String.valueOf(e.getMessage())));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
