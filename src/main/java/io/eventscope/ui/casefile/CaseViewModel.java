package io.eventscope.ui.casefile;

import io.eventscope.casefile.CaseFile;
import io.eventscope.casefile.CaseFileException;
import io.eventscope.casefile.CaseFileReader;
import io.eventscope.casefile.CaseFileWriter;
import io.eventscope.casefile.CaseFilters;
import io.eventscope.casefile.CaseLink;
import io.eventscope.casefile.CaseSource;
import io.eventscope.casefile.Escaped;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.source.LoadWindow;
import io.eventscope.ui.bookmark.BookmarksViewModel;
import io.eventscope.ui.filter.FilterViewModel;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.replay.ReplayViewModel;
import io.eventscope.ui.session.SessionViewModel;
import io.eventscope.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ObservableList;

/**
 * Save case / Open case / links. Saving gathers the window's state into a {@link CaseFile}; opening reads
 * and validates one in the background, asks for credentials when its source was opened with some, reads
 * the source under the case's projection and window, and only then restores filters, charted entities,
 * cursor and bookmarks (saying in one sentence which bookmarks no longer match). A case that fails
 * anywhere changes nothing that is loaded.
 */
public final class CaseViewModel {
    /** Reads a source under a projection and window, then runs {@code shown} (the window's one loader). */
    @FunctionalInterface
    public interface Opener {
        void open(String source, CaseProjection projection, LoadWindow window, Runnable shown);
    }

    private final TaskRunner runner;
    private final SessionViewModel session;
    private final ReplayViewModel replay;
    private final FilterViewModel filter;
    private final ObservableList<String> charted;
    private final BookmarksViewModel bookmarks;
    private final Supplier<String> opened;
    private final Opener opener;
    private SignIn.Asker signIn = source -> java.util.Optional.empty();
    private CaseProjection projection;

    public CaseViewModel(TaskRunner runner, SessionViewModel session, ReplayViewModel replay, FilterViewModel filter,
                         ObservableList<String> charted, BookmarksViewModel bookmarks, Supplier<String> opened,
                         Opener opener) {
        this.runner = runner;
        this.session = session;
        this.replay = replay;
        this.filter = filter;
        this.charted = charted;
        this.bookmarks = bookmarks;
        this.opened = opened;
        this.opener = opener;
    }

    /** How the window asks for a user name and password (the default asker cancels). */
    public void setSignIn(SignIn.Asker asker) {
        this.signIn = asker;
    }

    /** File → Projection… chose this spec file; a case saved while it is in use names it and its hash. */
    public void projectionChosen(CaseProjection chosen) {
        this.projection = chosen;
    }

    /** The case as it stands, or a sentence why there is none to save. */
    public CaseFile current() throws CaseFileException {
        String source = opened.get();
        if (source == null || session.session() == null) {
            throw new CaseFileException("Open a source first; a case records where it was read from.");
        }
        ProjectionSpec spec = session.spec();
        CaseProjection used = projection != null && projection.spec() == spec ? projection : null;
        if (used == null && !ProjectionSpecReader.BUNDLED.contains(spec.name())) {
            throw new CaseFileException("The projection " + Escaped.of(spec.name()) + " was not chosen from a file in "
                    + "this window; choose it with File → Projection… so the case can name its file, then save again.");
        }
        var ref = used != null ? used.ref() : io.eventscope.casefile.ProjectionRef.bundled(spec.name());
        CaseFilters filters = new CaseFilters(text(filter.textProperty().get()), List.copyOf(filter.types()),
                text(filter.entityProperty().get()), text(filter.fromProperty().get()), text(filter.toProperty().get()),
                filter.flaggedOnlyProperty().get());
        // The part of the source the session holds, however it was opened (a case, a link, the command line).
        LoadWindow window = savedWindow(session.session().loaded());
        // A case file is shared: while entity ids are masked, the charted ids (which are those ids) stay out of it.
        List<String> chartedIds = session.session().masks().hidesEntity() ? List.of() : List.copyOf(charted);
        return new CaseFile(CaseSource.withoutCredentials(source), CaseSource.hasCredentials(source), ref, window,
                filters, replay.cursor(), chartedIds, List.copyOf(bookmarks.bookmarks()),
                replay.clock().onBrokerProperty().get());
    }

    /**
     * A held window of the last N is saved by where it starts, so a reopened case holds the same events at
     * the same positions (its bookmarks and cursor still match) however much the source has grown since.
     */
    private static LoadWindow savedWindow(io.eventscope.load.LoadedSource loaded) {
        LoadWindow w = loaded.window();
        return w.foldEarlier() && w.last() > 0 ? LoadWindow.heldFrom(loaded.positionsBefore() + 1L) : w;
    }

    /** File → Save case…: writes the case to {@code file}; the status line says where, the banner why not. */
    public void save(Path file) {
        CaseFile c;
        try {
            c = current();
        } catch (CaseFileException e) {
            session.errorProperty().set(e.getMessage());
            return;
        }
        runner.run(() -> {
            CaseFileWriter.write(c, file);
            return file;
        }, f -> session.statusProperty().set("Case saved to " + f.getFileName() + " (" + c.bookmarks().size()
                + (c.bookmarks().size() == 1 ? " bookmark)." : " bookmarks).")), e -> session.errorProperty()
                .set("The case could not be saved to " + file.getFileName() + " (" + e.getMessage() + "); choose another folder."));
    }

    /** File → Open case… (and {@code eventscope CASE.esc}): reads, validates and reopens it. */
    public void open(Path file) {
        runner.run(() -> {
            CaseFile c = CaseFileReader.read(file);
            return new Resolved(c, CaseProjection.resolve(c.projection()));
        }, r -> reopen(r.file(), r.projection()), session::showError);
    }

    private record Resolved(CaseFile file, CaseProjection projection) {
    }

    /** A validated case whose projection is read: asks for credentials if needed, then loads and restores. */
    public void reopen(CaseFile c, CaseProjection under) {
        String source = c.source();
        if (c.signIn()) {
            var typed = signIn.ask(source);
            if (typed.isEmpty()) {
                session.statusProperty().set("Case not opened: its source needs a user name or password.");
                return;
            }
            source = CaseSource.withCredentials(source, typed.get().user(), typed.get().password());
        }
        opener.open(source, under, c.window(), () -> {
            projection = under.file() == null ? null : under;
            restore(c);
        });
    }

    private void restore(CaseFile c) {
        filter.textProperty().set(c.filters().text());
        filter.types().clear();
        filter.types().addAll(c.filters().types());
        filter.entityProperty().set(c.filters().entity());
        filter.fromProperty().set(c.filters().from());
        filter.toProperty().set(c.filters().to());
        filter.flaggedOnlyProperty().set(c.filters().flaggedOnly());
        filter.apply();
        charted.setAll(c.charted());
        replay.clock().brokerProperty().set(c.brokerClock()); // on a source without broker times, event time stays
        String mismatch = bookmarks.restore(c.bookmarks());
        String cursor = moveTo(c.cursor(), "case's cursor");
        session.statusProperty().set("Case opened at #" + Formats.count(replay.cursor()) + " with "
                + c.bookmarks().size() + (c.bookmarks().size() == 1 ? " bookmark." : " bookmarks."));
        String problem = mismatch == null ? cursor : cursor == null ? mismatch : cursor + " " + mismatch;
        if (problem != null) {
            session.errorProperty().set(problem);
        }
    }

    /** Moves the cursor; a sentence when {@code position} is past what the source holds now. */
    private String moveTo(int position, String what) {
        replay.moveTo(position);
        if (position <= session.size()) {
            return null;
        }
        return "The " + what + " #" + Formats.count(position) + " is past the end of the source now ("
                + Formats.count(session.size()) + " events); the cursor is at the end.";
    }

    /** The link to the cursor's event, or null (and a sentence) when nothing is open. */
    public String link() {
        String source = opened.get();
        if (source == null || session.session() == null) {
            session.errorProperty().set("Open a source first; a link points at one of its events.");
            return null;
        }
        return CaseLink.format(source, replay.cursor());
    }

    /** Opens {@code arg} if it is a case file ({@code .esc}) or a link, and says so; else leaves it to the caller. */
    public boolean openIfCase(String arg) {
        if (arg == null) {
            return false;
        }
        if (CaseLink.looksLikeOne(arg)) {
            openLink(arg);
            return true;
        }
        if (!arg.toLowerCase(java.util.Locale.ROOT).endsWith(".esc")) {
            return false;
        }
        try {
            open(Path.of(arg.startsWith("file://") ? java.net.URI.create(arg).getPath() : arg));
        } catch (IllegalArgumentException e) {
            session.errorProperty().set("The case file " + Escaped.of(arg) + " is not a valid path.");
        }
        return true;
    }

    /** Opens an {@code eventscope://open?…} link: its source under the current projection, cursor at its position. */
    public void openLink(String text) {
        CaseLink link;
        try {
            link = CaseLink.parse(text);
        } catch (CaseFileException e) {
            session.errorProperty().set(e.getMessage());
            return;
        }
        CaseProjection under = projection != null && projection.spec() == session.spec() ? projection
                : new CaseProjection(session.spec(), null, null);
        opener.open(link.source(), under, LoadWindow.ALL, () -> {
            String problem = moveTo(link.position(), "link's position");
            if (problem != null) {
                session.errorProperty().set(problem);
            }
        });
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
