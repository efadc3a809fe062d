package io.eventscope.source;

import io.eventscope.source.file.JsonLinesSource;
import java.util.Locale;

/** Opens the source a {@link SourceSpec} names. */
public final class Sources {
    /** The name of the demo log bundled inside the application. */
    public static final String BUNDLED_SAMPLE = "bundled:sample";

    private Sources() {
    }

    public static EventSource open(String text) throws SourceException {
        if (BUNDLED_SAMPLE.equals(text)) {
            return JsonLinesSource.bundledSample();
        }
        return open(SourceSpec.parse(text));
    }

    public static EventSource open(SourceSpec spec) throws SourceException {
        if (spec.isFile()) {
            return JsonLinesSource.open(spec.file());
        }
        throw new SourceException("Sources of kind " + spec.scheme().toLowerCase(Locale.ROOT)
                + ":// are not supported; use a .jsonl file path.");
    }
}
