package io.eventscope.ui;

import io.eventscope.replay.ProjectionSpec;
import io.eventscope.source.LoadWindow;
import io.eventscope.ui.casefile.CaseProjection;
import io.eventscope.ui.heldwindow.SizeCheck;
import io.eventscope.ui.session.Session;
import io.eventscope.ui.session.SessionViewModel;
import java.util.function.BiConsumer;

/**
 * What the window opened last and Reload reads again: the source's text (with any credentials it was
 * opened with; never shown or saved) and, through the session, the window of it that was asked for.
 */
final class OpenedSource {
    private final SessionViewModel session;
    private final SizeCheck sizeCheck;
    private final BiConsumer<ProjectionSpec, String> specText;
    private String text;

    /** @param specText told a case's projection and its file's text once the case has opened (what a pack records) */
    OpenedSource(SessionViewModel session, SizeCheck sizeCheck, BiConsumer<ProjectionSpec, String> specText) {
        this.session = session;
        this.sizeCheck = sizeCheck;
        this.specText = specText;
    }

    /** The source text last opened, or null. */
    String text() {
        return text;
    }

    /**
     * The whole source; one that clearly holds more than the memory budget is offered as a window first (it
     * becomes what Reload reads once the user has chosen).
     */
    void open(String source) {
        sizeCheck.open(source, () -> {
            text = source;
            session.open(source);
        });
    }

    /** Only {@code window} of the source (a held window folds the history before it in); shown once it has opened. */
    void open(String source, LoadWindow window) {
        if (window.isAll()) {
            open(source);
            return;
        }
        text = source;
        session.open(source, session.spec(), window, () -> { });
    }

    /** Reads a case's (or link's) source under its projection and window; Reload reads it once it has opened. */
    void openCase(String source, CaseProjection under, LoadWindow window, Runnable shown) {
        session.open(source, under.spec(), window, () -> {
            text = source;
            if (under.text() != null) {
                specText.accept(under.spec(), under.text());
            }
            shown.run();
        });
    }

    /** Reads the last opened source again, the same window of it (a whole one from the start). */
    void reload() {
        if (text == null) {
            return;
        }
        Session s = session.session();
        LoadWindow window = s == null ? LoadWindow.ALL : s.loaded().window();
        if (window.isAll()) {
            session.open(text);
        } else {
            session.open(text, session.spec(), window, () -> { });
        }
    }
}
