package io.eventscope.casefile;

import io.eventscope.event.Timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares bookmarks with the events a reopened source holds: a bookmark past the end marks an event the
 * source no longer holds (retention, a shorter window); one whose payload hash differs marks a different
 * event at that position.
 */
public final class BookmarkCheck {
    /** How a bookmark relates to the loaded events. */
    public enum Status { SAME, MISSING, DIFFERENT }

    private BookmarkCheck() {
    }

    public static Status of(Bookmark b, Timeline timeline, int size) {
        if (b.position() > size) {
            return Status.MISSING;
        }
        return PayloadHash.of(timeline.payloadAt(b.position() - 1)).equals(b.payloadSha256()) ? Status.SAME
                : Status.DIFFERENT;
    }

    /** One sentence for the status line or banner, or null when every bookmark found its event. */
    public static String sentence(List<Bookmark> bookmarks, List<Status> statuses) {
        List<String> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (int i = 0; i < bookmarks.size(); i++) {
            String at = "#" + bookmarks.get(i).position();
            switch (statuses.get(i)) {
                case MISSING -> missing.add(at);
                case DIFFERENT -> different.add(at);
                default -> { }
            }
        }
        if (missing.isEmpty() && different.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        if (!missing.isEmpty()) {
            s.append(count(missing.size())).append(missing.size() == 1 ? " is" : " are")
                    .append(" no longer in the source (").append(list(missing)).append(")");
        }
        if (!different.isEmpty()) {
            s.append(s.length() > 0 ? "; " : "").append(count(different.size()))
                    .append(different.size() == 1 ? " now holds" : " now hold").append(" a different event (")
                    .append(list(different)).append(")");
        }
        return s.append(". The marks show which.").toString();
    }

    private static String count(int n) {
        return n == 1 ? "1 bookmarked event" : n + " bookmarked events";
    }

    private static String list(List<String> at) {
        return at.size() <= 5 ? String.join(", ", at) : String.join(", ", at.subList(0, 5)) + " and " + (at.size() - 5) + " more";
    }
}
