package io.eventscope.cli;

import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code projections}: the bundled projections, by the name {@code --projection} takes, with what they do. */
@Command(name = "projections", mixinStandardHelpOptions = true,
        description = "List the bundled projections (use one with --projection NAME, or give a spec file).")
public final class ProjectionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ProjectionSpec p : ProjectionSpecReader.bundled()) {
            out.printf("%s%s%n  state: %s%s%n  %s%n%n", p.name(),
                    p.name().equals(ProjectionSpecReader.BUNDLED.get(0)) ? " (default)" : "",
                    String.join(", ", p.state().keySet()),
                    p.invariants().isEmpty() ? "" : "; invariants: " + String.join(", ",
                            p.invariants().stream().map(i -> i.name()).toList()),
                    p.description());
        }
        out.flush();
        return 0;
    }
}
