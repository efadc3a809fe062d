package io.eventscope.source;

/**
 * A problem reading a source that a user can act on. The message is one plain sentence saying what
 * happened and what to do; it never contains a password.
 */
public class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
