package io.eventscope.cli;

import io.eventscope.source.LoadWindow;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code view SOURCE}: opens the desktop viewer on a file, station or stream. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = {"Open the desktop viewer on SOURCE (a .jsonl file, station or stream), a case file (.esc) "
                + "or an eventscope://open?… link.",
                "With --last, --since or --from-position the viewer holds only that window of the source (a file "
                        + "too) and folds the history before it into the window's starting balances; there "
                        + "--from-position counts positions of the whole source and --since reads event time "
                        + "(else broker time). Reload keeps the window."})
public final class ViewCommand implements Callable<Integer> {
    @Mixin
    SourceOptions source;

    @Override
    public Integer call() {
        LoadWindow window = window();
        Viewer viewer = ServiceLoader.load(Viewer.class).findFirst()
                .orElseThrow(() -> new UserError("This build of Eventscope has no viewer; use the other commands."));
        long budget = source.maxMemory == null ? -1 : source.budgetBytes(); // else the viewer's own default share
        return viewer.show(source.source, source.projection(), window, source.password(), budget);
    }

    /**
     * The part of the source the viewer opens: the window the options ask for, held (the history before it
     * folded in, so its balances are the whole source's). A case or link keeps its own: checked here, so a
     * broken one is one sentence before any window opens.
     */
    LoadWindow window() {
        LoadWindow window = source.window();
        if (CaseFiles.named(source.source)) {
            if (!window.isAll()) {
                throw new UserError("A case file or link opens the window it was saved with; leave out --last, "
                        + "--since and --from-position.");
            }
            CaseFiles.check(source.source);
        }
        return window.held();
    }
}
