package io.eventscope.ui.casefile;

import java.util.Optional;

/** The user name and password typed to reopen a case's broker source; used once, never saved. */
public record SignIn(String user, String password) {
    /** Asks for them (a dialog in the window; tests answer directly). Empty: the user cancelled. */
    @FunctionalInterface
    public interface Asker {
        Optional<SignIn> ask(String source);
    }
}
