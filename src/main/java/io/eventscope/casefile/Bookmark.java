package io.eventscope.casefile;

import java.time.Instant;

/**
 * A marked moment: the viewer's position (#N, the N-th event loaded), the note, who wrote it and when, and
 * the SHA-256 of that event's payload, so a reopened source can say whether it still holds the same event.
 */
public record Bookmark(int position, String note, String author, Instant time, String payloadSha256) {
    public static final int MAX_NOTE = 4_000;
    public static final int MAX_AUTHOR = 200;

    public Bookmark withNote(String next) {
        return new Bookmark(position, next, author, time, payloadSha256);
    }

    /** The note safe to show on one line of a list: control and direction characters escaped, never acted on. */
    public String shownNote() {
        return Escaped.of(note);
    }
}
