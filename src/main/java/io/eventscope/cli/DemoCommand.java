package io.eventscope.cli;

import io.eventscope.demo.DemoLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo [--events N] [--seed S]}: a deterministic banking log as JSON Lines on stdout. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write a realistic, deterministic banking event log as JSON Lines to stdout.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "20000", paramLabel = "N", description = "Events (default 20000).")
    int events;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--accounts", paramLabel = "M", description = "Accounts (default: events / 40, 20..500).")
    Integer accounts;

    @Option(names = "--shape", defaultValue = "flat", paramLabel = "flat|cloudevents",
            converter = ShapeConverter.class,
            description = "Event shape: flat objects, or CloudEvents 1.0 envelopes with the fields in data "
                    + "(default: ${DEFAULT-VALUE}).")
    DemoLog.Shape shape;

    /** Lower-case shape names on the command line. */
    static final class ShapeConverter implements picocli.CommandLine.ITypeConverter<DemoLog.Shape> {
        @Override
        public DemoLog.Shape convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "flat" -> DemoLog.Shape.FLAT;
                case "cloudevents" -> DemoLog.Shape.CLOUDEVENTS;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a shape (use flat or cloudevents)");
            };
        }
    }

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @Override
    public Integer call() {
        if (events < 0) {
            throw new UserError("--events must be 0 or more.");
        }
        if (accounts != null && accounts < 1) {
            throw new UserError("--accounts must be 1 or more.");
        }
        int m = accounts == null ? DemoLog.defaultAccounts(events) : accounts;
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            new DemoLog(events, m, seed, shape).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
