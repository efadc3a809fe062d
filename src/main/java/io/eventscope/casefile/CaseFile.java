package io.eventscope.casefile;

import io.eventscope.source.LoadWindow;
import java.util.List;

/**
 * One saved investigation (format version {@link #VERSION}). {@code source} never holds credentials;
 * {@code signIn} says the source was opened with some, so a reopen asks for them. {@code cursor} is the
 * viewer's position; {@code charted} the entities selected in the state panel, which the chart draws;
 * {@code brokerClock} that times were read on the broker's clock rather than the payload's event time.
 */
public record CaseFile(String source, boolean signIn, ProjectionRef projection, LoadWindow window, CaseFilters filters,
                       int cursor, List<String> charted, List<Bookmark> bookmarks, boolean brokerClock) {
    public static final int VERSION = 1;

    public CaseFile {
        charted = List.copyOf(charted);
        bookmarks = List.copyOf(bookmarks);
    }

    /** A case on event time. */
    public CaseFile(String source, boolean signIn, ProjectionRef projection, LoadWindow window, CaseFilters filters,
                    int cursor, List<String> charted, List<Bookmark> bookmarks) {
        this(source, signIn, projection, window, filters, cursor, charted, bookmarks, false);
    }

    public CaseFile withBookmarks(List<Bookmark> next) {
        return new CaseFile(source, signIn, projection, window, filters, cursor, charted, next, brokerClock);
    }
}
