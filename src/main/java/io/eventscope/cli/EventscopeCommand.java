package io.eventscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level {@code eventscope} command and its error handling contract. */
@Command(name = "eventscope", mixinStandardHelpOptions = true, versionProvider = EventscopeCommand.Version.class,
        description = "Audit and replay viewer for event-sourced data.",
        subcommands = {StateCommand.class, EventsCommand.class, VerifyCommand.class, ExportCommand.class,
                VerifyPackCommand.class, ExplainCommand.class, ReconcileCommand.class, ProduceCommand.class,
                DemoCommand.class, io.eventscope.cli.bench.BenchCommand.class, ViewCommand.class,
                ProjectionsCommand.class})
public final class EventscopeCommand implements Runnable {
    /** Exit code of a command that answered for only the first part of a source (memory budget reached). */
    public static final int EXIT_PARTIAL = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * A command line wired with the error contract: one sentence on stderr, no stack trace unless --debug;
     * everything printed passes through {@link TerminalText}.
     */
    public static CommandLine commandLine(boolean debug) {
        CommandLine cl = new CommandLine(new EventscopeCommand());
        // Help without colour codes: the terminal-safe writer would show them escaped.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        output(cl, cl.getOut(), cl.getErr());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String name = ex.getCommandLine().getCommandName();
            err.println(ex.getMessage().replaceAll("\\s+$", "") + ". Run 'eventscope "
                    + (name.equals("eventscope") ? "" : name + " ") + "--help' for usage.");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserError) {
                // Messages quote source text (names, lines): a line break in it must not make a line of its own.
                err.println(ex.getMessage().lines().map(TerminalText::escape).collect(java.util.stream.Collectors.joining("\n")));
            } else {
                err.println("Unexpected error: " + ex + (debug ? "" : " (run again with --debug for details)"));
            }
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    /** Sends the command line's output and errors to {@code out} and {@code err}, through the terminal-safe writer. */
    public static CommandLine output(CommandLine cl, java.io.Writer out, java.io.Writer err) {
        cl.setOut(new PrintWriter(TerminalText.lines(out), true));
        cl.setErr(new PrintWriter(TerminalText.lines(err), true));
        return cl;
    }

    /** The version from the jar manifest (the pom's version), or "dev" when run from classes. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EventscopeCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Eventscope " + (v == null ? "dev" : v)};
        }
    }
}
