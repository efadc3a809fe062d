package io.eventscope.casefile;

/** A case file or link that cannot be used, with the one sentence that says why and what to do. */
public final class CaseFileException extends Exception {
    public CaseFileException(String message) {
        super(message);
    }
}
