package io.eventscope.ui.session;

import io.eventscope.source.SourceException;
import io.eventscope.replay.ProjectionSpecException;

/** Turns any failure into the one sentence the window shows (never a stack trace). */
public final class UserMessages {
    private UserMessages() {
    }

    public static String of(Throwable e) {
        Throwable t = e;
        while (t instanceof java.util.concurrent.CompletionException || t instanceof java.lang.reflect.InvocationTargetException) {
            if (t.getCause() == null) {
                break;
            }
            t = t.getCause();
        }
        if (t instanceof SourceException || t instanceof ProjectionSpecException
                || t instanceof io.eventscope.casefile.CaseFileException) {
            return t.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            return "The source is too large for the memory given to Eventscope; the events read so far are kept.";
        }
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "Something went wrong (" + detail + "); the events read so far are kept.";
    }
}
