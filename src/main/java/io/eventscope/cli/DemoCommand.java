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
            new DemoLog(events, m, seed).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
