package io.eventscope.ui.window;

import io.eventscope.ui.replay.ReplayViewModel;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keys: Ctrl+F filter, Ctrl+G go to, Ctrl+B bookmark, F8 / Shift+F8 next / previous violation; arrows, Home,
 * End and Space drive the replay unless the user is typing. Installed as an event filter, so it sees keys before the focused control does.
 */
public final class Shortcuts implements EventHandler<KeyEvent> {
    private final Node window;
    private final ReplayViewModel replay;
    private final WindowActions actions;

    public Shortcuts(Node window, ReplayViewModel replay, WindowActions actions) {
        this.window = window;
        this.replay = replay;
        this.actions = actions;
    }

    public static void install(Node window, ReplayViewModel replay, WindowActions actions) {
        window.addEventFilter(KeyEvent.KEY_PRESSED, new Shortcuts(window, replay, actions));
    }

    @Override
    public void handle(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
            actions.focusFilter();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.G) {
            actions.goTo();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.B) {
            actions.addBookmark();
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F8 && !e.isShortcutDown() && !e.isAltDown()) {
            if (e.isShiftDown()) {
                replay.previousViolation();
            } else {
                replay.nextViolation();
            }
            e.consume();
            return;
        }
        boolean typing = window.getScene() != null && window.getScene().getFocusOwner() instanceof TextInputControl;
        if (typing || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case LEFT -> replay.step(e.isShiftDown() ? -100 : -1);
            case RIGHT -> replay.step(e.isShiftDown() ? 100 : 1);
            case HOME -> replay.toStart();
            case END -> replay.toEnd();
            case SPACE -> replay.togglePlay();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
