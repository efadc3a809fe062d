package io.eventscope.ui.audit;

import io.eventscope.audit.AuditReport;
import io.eventscope.audit.FindingGroup;
import io.eventscope.event.DecimalText;
import io.eventscope.event.FlagKind;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.TaskRunner;
import java.util.Arrays;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the audit found in the opened source, as the viewer shows it: a one-line summary ("57 flagged ·
 * 2 gaps", or "clean") and the groups of findings with their counts and first positions. Rebuilt from
 * the core's {@link AuditReport} each time a load finishes; emptied when another source opens. FX thread only.
 */
public final class FindingsViewModel {
    private final TaskRunner runner;
    private final SessionViewModel session;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper clean = new ReadOnlyBooleanWrapper();
    private final ObservableList<FindingGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<FindingGroup> readOnlyGroups = FXCollections.unmodifiableObservableList(groups);
    private final javafx.collections.transformation.FilteredList<FindingGroup> banner =
            new javafx.collections.transformation.FilteredList<>(readOnlyGroups, FindingsViewModel::limitsTheTruth);
    private IntConsumer onGoTo = position -> { };

    public FindingsViewModel(TaskRunner runner, SessionViewModel session) {
        this.runner = runner;
        this.session = session;
        session.sessionProperty().addListener((obs, old, now) -> clear());
        session.loadingProperty().addListener((obs, was, loading) -> {
            if (!loading) {
                refresh();
            }
        });
    }

    /** Audits the current source again, off the FX thread (e.g. after a live tail brought more events). */
    public void refresh() {
        Session s = session.session();
        if (s == null) {
            clear();
            return;
        }
        runner.run(() -> AuditReport.of(s.loaded()), report -> {
            if (s == session.session()) { // another source opened meanwhile: this report is stale
                show(report);
            }
        }, session::showError);
    }

    void show(AuditReport report) {
        summary.set(report.summary());
        clean.set(report.clean());
        groups.setAll(report.groups());
    }

    private void clear() {
        summary.set("");
        clean.set(false);
        groups.clear();
    }

    /** One line per group for a list or menu, e.g. "not JSON: 21 · first at #164". */
    public String describe(FindingGroup group) {
        String text = group.label() + ": " + DecimalText.grouped(group.count());
        return group.hasPosition() ? text + " · first at #" + DecimalText.grouped(group.firstPosition()) : text;
    }

    /** Moves the replay to the group's first position, where it has one. */
    public void goToFirst(FindingGroup group) {
        if (group.hasPosition()) {
            onGoTo.accept(group.firstPosition());
        }
    }

    /** Where {@link #goToFirst} sends a position (the replay cursor); set once when wiring the window. */
    public void setOnGoTo(IntConsumer onGoTo) {
        this.onGoTo = onGoTo;
    }

    /** "57 flagged · 2 gaps", "clean", or empty while nothing has been audited. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cleanProperty() {
        return clean.getReadOnlyProperty();
    }

    /**
     * The groups that mean the load is not the whole truth (the completeness banner): gaps, the retention
     * horizon, a partial load (budget, cancelled, window), caveats about the source, repeated ids, resends
     * and clock findings; not flagged payloads or broken
     * invariants, which are facts about events that were read.
     */
    public ObservableList<FindingGroup> bannerGroups() {
        return banner;
    }

    private static boolean limitsTheTruth(FindingGroup g) {
        return switch (g.kind()) {
            case SEQUENCE_GAP, PARTIAL_LOAD, SOURCE_CAVEAT, CLOCK_SKEW, TIME_BACKWARDS, RETENTION_HORIZON -> true;
            case FLAGGED_EVENT -> Arrays.stream(FlagKind.values())
                    .anyMatch(k -> k.isRepeat() && g.label().equals(k.label()));
            default -> false;
        };
    }

    public ObservableList<FindingGroup> groups() {
        return readOnlyGroups;
    }
}
