package io.eventscope.replay;

/** A projection spec that cannot be used; the message names the file, the place and the problem. */
public class ProjectionSpecException extends Exception {
    public ProjectionSpecException(String message) {
        super(message);
    }
}
