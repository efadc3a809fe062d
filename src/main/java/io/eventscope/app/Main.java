package io.eventscope.app;

import io.eventscope.cli.CaseFiles;
import io.eventscope.cli.EventscopeCommand;
import io.eventscope.load.Sources;
import java.util.Arrays;

/**
 * Entry point of the jar and the installer's launcher. A plain {@code main} (no JavaFX Application
 * subclass) so that the command line works without JavaFX on the module path: JavaFX is only loaded
 * when the {@code view} command runs.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            // No arguments: the viewer on the bundled sample (DESIGN §4).
            return EventscopeCommand.commandLine(false).execute("view", Sources.BUNDLED_SAMPLE);
        }
        if (args.length == 1 && CaseFiles.named(args[0])) {
            // A lone case file or eventscope:// link: how the desktop's file and link associations start us.
            return EventscopeCommand.commandLine(false).execute("view", args[0]);
        }
        boolean debug = Arrays.asList(args).contains("--debug");
        return EventscopeCommand.commandLine(debug).execute(args);
    }
}
