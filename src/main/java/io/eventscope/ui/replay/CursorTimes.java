package io.eventscope.ui.replay;

import io.eventscope.event.EventTimes;
import io.eventscope.ui.format.Formats;
import io.eventscope.ui.format.TimeDisplay;
import io.eventscope.ui.session.SessionViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The times the replay bar and the chart's axis show, on the chosen clock ({@link ClockChoice}), read from
 * the timeline here so the bar itself only binds. Positions are
 * 1-based (the cursor's own numbering); the conversion to the timeline's index happens in {@link #timeAt}.
 */
final class CursorTimes {
    private final SessionViewModel session;
    private final TimeDisplay display;
    private final ClockChoice clock;

    CursorTimes(SessionViewModel session, TimeDisplay display, ClockChoice clock) {
        this.session = session;
        this.display = display;
        this.clock = clock;
    }

    /** The chosen clock's time of {@code position}, or {@link EventTimes#NONE} (also outside the loaded range). */
    long timeAt(int position) {
        return clock.timeAt(position);
    }

    /**
     * A chart axis label for {@code position}, else its number ("#0" before the first): the first position's
     * date and minute, later ones their time of day to the second (with the month and day when the date is
     * another), so a burst within one minute still reads apart.
     */
    String axis(int position) {
        long t = timeAt(Math.max(1, position));
        if (t == EventTimes.NONE) {
            return "#" + Formats.count(position);
        }
        if (position <= 1) {
            return display.minute(t);
        }
        String full = display.formatNanos(t); // "2024-03-01 09:41:12.000Z"
        long first = timeAt(1);
        boolean sameDay = first != EventTimes.NONE && display.formatNanos(first).startsWith(full.substring(0, 10));
        return full.substring(sameDay ? 11 : 5, 19);
    }

    String where(int cursor) {
        if (cursor == 0) {
            return "#0 · before the first event";
        }
        String time = display.formatNanos(timeAt(cursor));
        return "#" + Formats.count(cursor) + (time.isEmpty() ? "" : " · " + time);
    }

    String edge(int position) {
        if (position < 1 || position > session.size()) {
            return "";
        }
        long t = timeAt(position);
        return t == EventTimes.NONE ? "#" + Formats.count(position) : display.minute(t);
    }

    /** First, cursor and last times as ISO-8601 instants that start with {@code typed}; all when blank. */
    List<String> suggestions(int cursor, String typed) {
        String prefix = typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (int p : new int[] {1, cursor, session.size()}) {
            long t = timeAt(p);
            if (t != EventTimes.NONE) {
                String iso = EventTimes.toInstant(t).toString();
                if (iso.startsWith(prefix) && !out.contains(iso)) {
                    out.add(iso);
                }
            }
        }
        return out;
    }
}
