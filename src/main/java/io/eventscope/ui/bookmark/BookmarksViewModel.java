package io.eventscope.ui.bookmark;

import io.eventscope.casefile.Bookmark;
import io.eventscope.casefile.BookmarkCheck;
import io.eventscope.casefile.PayloadHash;
import io.eventscope.ui.replay.ReplayViewModel;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionViewModel;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The bookmarks of this window, in position order: add at the cursor (the event's payload hash taken then),
 * edit a note, delete, jump; after a case reopens, how each relates to the events the source holds now.
 * Opening another source drops them: they belong to the events they mark.
 */
public final class BookmarksViewModel {
    private final SessionViewModel session;
    private final ReplayViewModel replay;
    private final Clock clock;
    private final ObservableList<Bookmark> bookmarks = FXCollections.observableArrayList();
    private final ObservableMap<Integer, BookmarkCheck.Status> checked = FXCollections.observableHashMap();
    private final StringProperty author = new SimpleStringProperty(System.getProperty("user.name", ""));

    public BookmarksViewModel(SessionViewModel session, ReplayViewModel replay, Clock clock) {
        this.session = session;
        this.replay = replay;
        this.clock = clock;
        session.sessionProperty().addListener((o, old, next) -> {
            // A projection switch or a reload shows the same source again: its bookmarks still apply.
            if (old != null && (next == null || !old.source().displayName().equals(next.source().displayName()))) {
                bookmarks.clear();
                checked.clear();
            }
        });
    }

    /** The author name a new bookmark's dialog starts with (the OS user; the last one typed thereafter). */
    public StringProperty authorProperty() {
        return author;
    }

    /** Why no bookmark can be added at the cursor now, or null. */
    public String cannotAdd() {
        if (session.session() == null) {
            return "Open a source first; bookmarks mark its events.";
        }
        return replay.cursor() < 1 ? "Move the cursor onto an event first (position #1 or later)." : null;
    }

    /** The bookmark at the cursor, if there is one (Ctrl+B on it edits its note). */
    public Optional<Bookmark> atCursor() {
        return bookmarks.stream().filter(b -> b.position() == replay.cursor()).findFirst();
    }

    /** Adds (or, at a bookmarked position, re-notes) the bookmark at the cursor. */
    public void addAtCursor(String note, String by) {
        Session s = session.session();
        int at = replay.cursor();
        if (s == null || at < 1 || at > s.timeline().size()) {
            return;
        }
        author.set(by == null ? "" : by.strip());
        String hash = PayloadHash.of(s.timeline().payloadAt(at - 1));
        bookmarks.removeIf(b -> b.position() == at);
        checked.remove(at);
        bookmarks.add(new Bookmark(at, clip(note, Bookmark.MAX_NOTE), clip(author.get(), Bookmark.MAX_AUTHOR),
                Instant.now(clock), hash));
        bookmarks.sort(Comparator.comparingInt(Bookmark::position));
    }

    public void editNote(Bookmark b, String note) {
        int i = bookmarks.indexOf(b);
        if (i >= 0) {
            bookmarks.set(i, b.withNote(clip(note, Bookmark.MAX_NOTE)));
        }
    }

    public void delete(Bookmark b) {
        bookmarks.remove(b);
        checked.remove(b.position());
    }

    public void goTo(Bookmark b) {
        if (b != null) {
            replay.moveTo(b.position());
        }
    }

    /**
     * Puts a case's bookmarks in place and compares each with the event the source now holds there.
     * Returns the sentence to show when some no longer match, else null.
     */
    public String restore(List<Bookmark> saved) {
        bookmarks.setAll(saved);
        bookmarks.sort(Comparator.comparingInt(Bookmark::position));
        checked.clear();
        Session s = session.session();
        if (s == null) {
            return null;
        }
        int size = s.timeline().size();
        List<BookmarkCheck.Status> statuses = bookmarks.stream().map(b -> BookmarkCheck.of(b, s.timeline(), size)).toList();
        for (int i = 0; i < bookmarks.size(); i++) {
            checked.put(bookmarks.get(i).position(), statuses.get(i));
        }
        return BookmarkCheck.sentence(List.copyOf(bookmarks), statuses);
    }

    public ObservableList<Bookmark> bookmarks() {
        return bookmarks;
    }

    /** How each restored bookmark relates to the reopened source, by position (absent: added here, so the same). */
    public ObservableMap<Integer, BookmarkCheck.Status> checked() {
        return checked;
    }

    public BookmarkCheck.Status statusOf(Bookmark b) {
        return checked.getOrDefault(b.position(), BookmarkCheck.Status.SAME);
    }

    /** The size of the loaded timeline, for the marks' scale. */
    public javafx.beans.value.ObservableIntegerValue extent() {
        return session.sizeProperty();
    }

    private static String clip(String s, int max) {
        String t = s == null ? "" : s;
        return t.length() > max ? t.substring(0, max) : t;
    }
}
