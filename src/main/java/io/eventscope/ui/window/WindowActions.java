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

    void quit();
}
