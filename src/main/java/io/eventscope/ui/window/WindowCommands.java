package io.eventscope.ui.window;

import io.eventscope.load.Sources;
import io.eventscope.ui.replay.ReplayViewModel;
import io.eventscope.ui.session.SessionViewModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;

/** What the menu, tool bar and keys ask for, carried out through the dialogs and the view models. */
public final class WindowCommands implements WindowActions {
    private final Node window;
    private final WindowDialogs dialogs;
    private final SessionViewModel session;
    private final ReplayViewModel replay;
    private final Consumer<String> open;
    private final Runnable reload;
    private final Runnable focusFilter;
    private final Consumer<Path> projection;
    private io.eventscope.ui.evidence.EvidenceViewModel evidence;
    private io.eventscope.ui.reconcile.ReconcileViewModel reconcile;
    private io.eventscope.ui.casefile.CaseCommands cases;
    private io.eventscope.ui.bookmark.BookmarkDialogs bookmarks;

    public WindowCommands(Node window, WindowDialogs dialogs, SessionViewModel session, ReplayViewModel replay,
            Consumer<String> open, Runnable reload, Runnable focusFilter, Consumer<Path> projection) {
        this.window = window;
        this.dialogs = dialogs;
        this.session = session;
        this.replay = replay;
        this.open = open;
        this.reload = reload;
        this.focusFilter = focusFilter;
        this.projection = projection;
    }

    @Override
    public void openFile() {
        dialogs.chooseFile().ifPresent(open);
    }

    @Override
    public void connect() {
        dialogs.connect().ifPresent(open);
    }

    @Override
    public void openBundledSample() {
        open.accept(Sources.BUNDLED_SAMPLE);
    }

    @Override
    public void reload() {
        reload.run();
    }

    /** Asks for a position or time and moves the cursor there; a problem shows in the error banner. */
    @Override
    public void goTo() {
        dialogs.goTo(replay).ifPresent(text -> {
            String problem = replay.goTo(text);
            if (problem != null) {
                session.errorProperty().set(problem);
            }
        });
    }

    @Override
    public void chooseProjection() {
        dialogs.chooseProjection().ifPresent(projection);
    }

    @Override
    public void focusFilter() {
        focusFilter.run();
    }

    @Override
    public void exportEvidence() {
        if (evidence != null) {
            dialogs.chooseFolder("Export evidence at #" + replay.cursor() + " into a new or empty folder")
                    .ifPresent(evidence::export);
        }
    }

    @Override
    public void reconcile() {
        if (reconcile != null) {
            dialogs.chooseCsv().ifPresent(csv -> {
                reconcile.reconcile(csv);
                dialogs.showReconcile(reconcile);
            });
        }
    }

    private Runnable reveal = () -> { };

    /** What a confirmed reveal does (set once by the window). */
    public void onReveal(Runnable reveal) {
        this.reveal = reveal;
    }

    @Override
    public void revealMasked() {
        if (session.session() != null && !session.session().spec().mask().isEmpty() && !session.session().revealed()
                && dialogs.confirm("Reveal masked values?", "The values the projection masks ("
                + String.join(", ", session.session().spec().mask()) + ") will be shown as they are until this "
                + "source is closed, and an evidence pack exported meanwhile records that they were revealed.")) {
            reveal.run();
        }
    }

    /** The evidence and reconcile features the File menu reaches (set once by the window). */
    public void evidence(io.eventscope.ui.evidence.EvidenceViewModel evidence,
                         io.eventscope.ui.reconcile.ReconcileViewModel reconcile) {
        this.evidence = evidence;
        this.reconcile = reconcile;
    }

    /** The case and bookmark commands (set once by the window). */
    public void cases(io.eventscope.ui.casefile.CaseCommands cases, io.eventscope.ui.bookmark.BookmarkDialogs bookmarks) {
        this.cases = cases;
        this.bookmarks = bookmarks;
    }

    @Override
    public void saveCase() {
        cases.save();
    }

    @Override
    public void openCase() {
        cases.open();
    }

    @Override
    public void copyLink() {
        cases.copyLink();
    }

    @Override
    public void addBookmark() {
        bookmarks.addAtCursor();
    }

    @Override
    public void quit() {
        window.getScene().getWindow().hide();
    }
}
