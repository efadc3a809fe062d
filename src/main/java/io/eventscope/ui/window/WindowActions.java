package io.eventscope.ui.window;

/** What the menu, the tool bar and the keyboard can ask the window to do. */
public interface WindowActions {
    void openFile();

    void connect();

    void openBundledSample();

    /** Reads the current source again from the start. */
    void reload();

    void goTo();

    /** Asks for a projection spec file and replays the open source under it. */
    void chooseProjection();

    void focusFilter();

    /** File → Export evidence…: an evidence pack at the cursor into a chosen folder. */
    void exportEvidence();

    /** File → Reconcile…: a chosen CSV against the state at the cursor. */
    void reconcile();

    /** View → Reveal masked values…: after a confirmation, the session shows them as they are. */
    void revealMasked();

    /** File → Save case… / Open case…, Copy link (issue 15). */
    void saveCase();

    void openCase();

    void copyLink();

    /** Ctrl+B: a bookmark at the cursor. */
    void addBookmark();

    void quit();
}
