package io.eventscope.cli;

import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code view SOURCE}: opens the desktop viewer on a file, station or stream. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Open the desktop viewer on SOURCE (a .jsonl file, station or stream), a case file (.esc) "
                + "or an eventscope://open?… link.")
public final class ViewCommand implements Callable<Integer> {
    @Mixin
    SourceOptions source;

    @Override
    public Integer call() {
        Viewer viewer = ServiceLoader.load(Viewer.class).findFirst()
                .orElseThrow(() -> new UserError("This build of Eventscope has no viewer; use the other commands."));
        if (CaseFiles.named(source.source)) {
            CaseFiles.check(source.source); // a broken case or link is one sentence here, before any window
        }
        return viewer.show(source.source, source.projection());
    }
}
