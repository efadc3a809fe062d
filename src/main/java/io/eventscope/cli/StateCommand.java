package io.eventscope.cli;

import io.eventscope.event.DecimalText;
import io.eventscope.load.StreamingLoad;
import io.eventscope.replay.EntityState;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ReplayState;
import io.eventscope.replay.StateJson;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code state SOURCE [--position N | --at INSTANT]}: every entity's state at one moment. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Print every entity's state after a position or at an instant (default: the end).")
public final class StateCommand implements Callable<Integer> {
    @Mixin
    SourceOptions source;

    @ArgGroup(exclusive = true)
    Moment moment;

    @Option(names = "--format", defaultValue = "table", paramLabel = "json|table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    enum Format { json, table }

    static final class Moment {
        @Option(names = "--position", paramLabel = "N", description = "State after the first N positions.")
        Long position; // a long, so that an absurd position is answered as beyond the end, not as "not an int"

        @Option(names = "--at", paramLabel = "INSTANT", converter = Converters.InstantConverter.class,
                description = "State with every event whose time is at or before INSTANT (ISO-8601).")
        Instant at;
    }

    /**
     * Streams the source through the replay's fold (memory bounded by entities, not events); the answer
     * equals {@link io.eventscope.replay.ReplayEngine}'s on the loaded timeline.
     */
    @Override
    public Integer call() {
        StreamedCut read = StreamedCut.read(source, moment, false);
        StreamingLoad.Streamed streamed = read.streamed();
        int size = streamed.positions();
        ReplayState state = read.state();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(StateJson.of(streamed.sourceName(), state, source.masks(read.spec(), Masks.Mode.HASH)));
        } else {
            printTable(out, streamed.sourceName(), size, state, source.masks(read.spec(), Masks.Mode.SHOW));
        }
        out.flush();
        return 0;
    }

    private static void printTable(PrintWriter out, String sourceName, int size, ReplayState state, Masks masks) {
        out.printf("State of %s after position %s of %s%s · %s flagged skipped%n", sourceName,
                DecimalText.grouped(state.position()), DecimalText.grouped(size),
                state.time() == null ? "" : " (" + state.time() + ")", DecimalText.grouped(state.flagged()));
        List<String> header = new ArrayList<>(List.of("ENTITY"));
        state.fieldNames().forEach(f -> header.add(f.toUpperCase(java.util.Locale.ROOT)));
        header.add("EVENTS");
        header.add("LAST CHANGE");
        List<List<String>> rows = new ArrayList<>();
        for (EntityState shown : state.entities()) {
            EntityState e = masks.state(shown);
            List<String> row = new ArrayList<>();
            row.add(e.entity());
            for (BigDecimal v : e.decimals().values()) {
                row.add(DecimalText.grouped(v));
            }
            e.texts().values().forEach(t -> row.add(t == null ? "" : t));
            row.add(DecimalText.grouped(e.events()));
            row.add(e.lastChange() == null ? "" : e.lastChange().toString());
            rows.add(row);
        }
        TextTable.print(out, header, rows, e -> e > 0 && e < header.size() - 1);
        out.printf("%s entities%n", DecimalText.grouped(rows.size()));
    }
}
