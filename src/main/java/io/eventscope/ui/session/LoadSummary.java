package io.eventscope.ui.session;

import io.eventscope.source.LoadStatus;
import io.eventscope.ui.format.Formats;

/** The words of the status line while a source loads and once it has. */
final class LoadSummary {
    private LoadSummary() {
    }

    static String progress(LoadStatus st) {
        return Formats.count(st.loaded()) + " events · " + Formats.rate(st.eventsPerSecond());
    }

    static String finished(Session s, double seconds) {
        int n = s.timeline().size();
        String how = s.cancelled() ? "load cancelled after " : "loaded in ";
        return Formats.count(n) + " events · " + Formats.count(s.timeline().flaggedCount()) + " flagged · "
                + how + String.format("%.1f s", seconds) + " (" + Formats.rate(n / Math.max(seconds, 1e-3)) + ")";
    }
}
