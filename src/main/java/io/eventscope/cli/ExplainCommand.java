package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventscope.audit.Explain;
import io.eventscope.event.DecimalText;
import io.eventscope.replay.Masks;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code explain SOURCE --entity ID [--position N | --at T] [--field F]}: every event behind a value. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "List every event that changed an entity's state field up to a cut, in order, with its effect "
                + "and the running value.")
public final class ExplainCommand implements Callable<Integer> {
    @Mixin
    SourceOptions source;

    @ArgGroup(exclusive = true)
    StateCommand.Moment moment;

    @Option(names = "--entity", required = true, paramLabel = "ID", description = "The entity (e.g. an account).")
    String entity;

    @Option(names = "--field", paramLabel = "FIELD", description = "State field (default: the projection's first "
            + "decimal field, e.g. balance).")
    String field;

    @Option(names = "--format", defaultValue = "table", paramLabel = "json|table|csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    enum Format { json, table, csv }

    /**
     * Streams the source through the replay's fold to the cut, keeping only the entity's changes as they
     * pass: memory is bounded by the entities and by this entity's own history, not by the source's events.
     */
    @Override
    public Integer call() {
        Explain.Steps[] steps = new Explain.Steps[1];
        Long position = moment == null ? null : moment.position;
        java.time.Instant at = moment == null ? null : moment.at;
        int limit = at != null || position == null ? -1 : (int) Math.max(0, Math.min(position, Integer.MAX_VALUE));
        Explain explain;
        StreamedCut read;
        try {
            read = StreamedCut.read(source, moment, false, (timeline, projection) -> {
                steps[0] = new Explain.Steps(timeline, projection, entity, field, limit, at);
                return steps[0];
            });
            explain = steps[0].explain(read.state()).masked(source.masks(read.spec(),
                    format == Format.table ? Masks.Mode.SHOW : Masks.Mode.HASH));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(json(explain));
            case csv -> explain.writeCsv(out);
            default -> printTable(out, explain, read.streamed().sourceName());
        }
        out.flush();
        return 0; // streamed to the end: never partial
    }

    static String json(Explain e) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("entity", e.entity());
        root.put("field", e.field());
        root.put("position", e.position());
        root.put("value", e.value());
        List<Object> events = new ArrayList<>();
        for (Explain.Step s : e.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", s.position());
            m.put("type", s.type());
            m.put("time", s.time() == null ? null : s.time().toString());
            m.put("effect", s.effect());
            m.put("value", s.value());
            events.add(m);
        }
        root.put("events", events);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void printTable(PrintWriter out, Explain e, String sourceName) {
        out.printf("%s %s after position %s of %s: %s (%s events changed it)%n", TerminalText.escape(e.entity()), e.field(),
                DecimalText.grouped(e.position()), sourceName, n(e.value()), DecimalText.grouped(e.events().size()));
        List<List<String>> rows = new ArrayList<>();
        for (Explain.Step s : e.events()) {
            rows.add(List.of(DecimalText.grouped(s.position()), n(s.type()), s.time() == null ? "" : s.time().toString(),
                    s.effect(), n(s.value())));
        }
        TextTable.print(out, List.of("POSITION", "TYPE", "TIME", "EFFECT", e.field().toUpperCase(java.util.Locale.ROOT)),
                rows, c -> c == 0 || c >= 3);
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}
