package io.eventscope.cli;

/** A mistake or condition the user can fix; printed as its message alone, exit code 1. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
