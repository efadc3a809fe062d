package io.eventscope.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The SOURCE argument and the options every reading command shares. */
public final class SourceOptions {
    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "A .jsonl file, or memphis://, nats:// or kafka:// URI.")
    String source;

    @Option(names = "--projection", paramLabel = "FILE",
            description = "Projection spec (JSON); default: the bundled banking projection.")
    Path projection;

    @Option(names = "--debug", description = "Print stack traces of unexpected errors.")
    boolean debug;

    LoadedTimeline load() {
        return LoadedTimeline.load(source, projection);
    }
}
