package io.eventscope.cli;

import io.eventscope.casefile.CaseFileException;
import io.eventscope.casefile.CaseFileReader;
import io.eventscope.casefile.CaseLink;
import java.nio.file.Path;
import java.util.Locale;

/** Recognises a case file ({@code .esc}) or an {@code eventscope://} link among the arguments, and checks it. */
public final class CaseFiles {
    private CaseFiles() {
    }

    /** {@code arg} names a case file or is a link (the viewer opens it as a case, not as a source). */
    public static boolean named(String arg) {
        return arg != null && (CaseLink.looksLikeOne(arg) || arg.toLowerCase(Locale.ROOT).endsWith(".esc"));
    }

    /** Reads and validates it; a problem is the case reader's one sentence. */
    static void check(String arg) {
        try {
            if (CaseLink.looksLikeOne(arg)) {
                CaseLink.parse(arg);
            } else {
                CaseFileReader.read(Path.of(arg.startsWith("file://") ? java.net.URI.create(arg).getPath() : arg));
            }
        } catch (CaseFileException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError("The case file " + io.eventscope.casefile.Escaped.of(arg) + " is not a valid path.");
        }
    }
}
