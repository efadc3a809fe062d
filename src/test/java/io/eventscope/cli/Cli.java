package io.eventscope.cli;

import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints, as a user would see it. */
final class Cli {
    final int exit;
    final String out;
    final String err;

    private Cli(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EventscopeCommand.commandLine(java.util.Arrays.asList(args).contains("--debug"));
        EventscopeCommand.output(cl, out, err);
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }
}
