package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eventscope.event.Event;
import io.eventscope.event.Flag;
import io.eventscope.event.SourceCoordinates;
import io.eventscope.event.Timeline;
import io.eventscope.load.LoadedSource;
import io.eventscope.replay.EventChange;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ReplayEngine;
import io.eventscope.source.memphis.MemphisHeaders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code events SOURCE [--from N] [--limit N] [--format jsonl|csv]}: the timeline, one event a line. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Dump the timeline: position, source coordinates, times, type, entity, amounts, flags.")
public final class EventsCommand implements Callable<Integer> {
    @Mixin
    SourceOptions source;

    @Option(names = "--from", defaultValue = "1", paramLabel = "N", description = "First position (default 1).")
    int from;

    @Option(names = "--limit", paramLabel = "N", description = "At most N events (default: all).")
    Integer limit;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    enum Format { jsonl, csv }

    @Option(names = "--changes", negatable = true, paramLabel = "",
            description = "Add every state field's value before and after each event (default: on when the "
                    + "projection has more than one state field, so a one-field projection prints as before).")
    Boolean changes;

    /** The projection the source was loaded under. */
    private ProjectionSpec projection;
    /** Its masked values as this export shows them. */
    private Masks masks;

    @Option(names = "--follow", description = "After printing, keep printing events appended to the station or "
            + "stream until stopped (Ctrl-C).")
    boolean follow;

    @Option(names = "--follow-for", paramLabel = "SECONDS",
            description = "With --follow: stop after SECONDS (default: never).")
    Long followFor;

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new UserError("--limit must be 0 or more.");
        }
        if (!follow) {
            LoadedSource loaded = source.load();
            projection = loaded.spec();
            masks = source.masks(projection, Masks.Mode.HASH);
            print(loaded.timeline(), spec.commandLine().getOut());
            return SourceOptions.reportPartial(loaded, spec.commandLine().getErr());
        }
        try (LoadedSource session = source.open()) {
            projection = session.spec();
            masks = source.masks(projection, Masks.Mode.HASH);
            if (!session.canFollow()) {
                throw new UserError(session.sourceName() + " cannot be followed live; only stations and "
                        + "streams can.");
            }
            followAndPrint(session);
        }
        return 0;
    }

    private void followAndPrint(LoadedSource session) {
        Timeline timeline = session.timeline();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int printed = print(timeline, out);
        long deadline = followFor == null ? Long.MAX_VALUE : System.nanoTime() + followFor * 1_000_000_000L;
        try (var tail = session.follow(e -> {
            synchronized (err) {
                err.println(e.getMessage());
                err.flush();
            }
        }); Printer printer = new Printer(timeline, out)) {
            while (System.nanoTime() < deadline && (limit == null || printed - from + 1 < limit)) {
                int size = timeline.size();
                int end = limit == null ? size : (int) Math.min(size, (long) from - 1 + limit);
                for (int p = Math.max(printed + 1, from); p <= end; p++) {
                    printer.print(p);
                    printed = p;
                }
                out.flush();
                Thread.sleep(100);
            }
        } catch (io.eventscope.source.SourceException e) {
            throw new UserError(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints the window --from/--limit of what is loaded; returns the last position printed (from - 1 if none). */
    private int print(Timeline timeline, PrintWriter out) {
        int size = timeline.size();
        if (from < 1 || (from > size && size > 0) || (size == 0 && from != 1)) {
            throw new UserError("--from " + from + " is beyond the end: the timeline has " + size
                    + " positions (use 1.." + Math.max(size, 1) + ").");
        }
        int end = limit == null ? size : (int) Math.min(size, (long) from - 1 + limit);
        try (Printer printer = new Printer(timeline, out)) {
            printer.header();
            for (int p = from; p <= end; p++) {
                printer.print(p);
            }
        }
        out.flush();
        return Math.max(end, from - 1);
    }

    /** Writes events in the chosen format. */
    private final class Printer implements AutoCloseable {
        private final Timeline timeline;
        private final PrintWriter out;
        private final JsonGenerator json;
        private final List<String> numeric;
        private final List<String> texts;
        private final ChangeColumns changeColumns;

        Printer(Timeline timeline, PrintWriter out) {
            this.timeline = timeline;
            boolean withChanges = changes != null ? changes : projection.state().size() > 1;
            this.changeColumns = withChanges ? new ChangeColumns(new ReplayEngine(timeline, projection), masks) : null;
            this.out = out;
            this.numeric = timeline.mapping().numericFields();
            this.texts = timeline.mapping().textFields();
            try {
                json = new JsonFactory().setRootValueSeparator(null).createGenerator(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }

        void header() {
            if (format == Format.csv) {
                List<String> header = new ArrayList<>(List.of("position", "source", "broker_time", "event_time",
                        "type", "entity"));
                header.addAll(numeric);
                header.addAll(texts);
                if (changeColumns != null) {
                    header.addAll(changeColumns.header());
                }
                header.add("flags");
                out.println(String.join(",", header));
            }
        }

        void print(int p) {
            Event e = timeline.event(p);
            EventChange change = changeColumns == null ? null : changeColumns.at(p);
            if (format == Format.csv) {
                out.println(csv(e, masks, numeric, texts, change == null ? List.of() : changeColumns.csvCells(change)));
                return;
            }
            try {
                writeJson(json, e, masks, change == null ? null : g -> changeColumns.writeJson(g, change));
                json.flush();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            out.println();
        }

        @Override
        public void close() {
            try {
                json.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes more fields into the event's object. */
    private interface MoreFields {
        void write(JsonGenerator g) throws IOException;
    }

    private static void writeJson(JsonGenerator g, Event e, Masks m, MoreFields more) throws IOException {
        g.writeStartObject();
        g.writeNumberField("position", e.position());
        g.writeObjectFieldStart("source");
        SourceCoordinates c = e.coordinates();
        if (c.partition() != null) {
            g.writeStringField("partition", c.partition());
        }
        g.writeNumberField(c.kind().label(), c.number());
        g.writeEndObject();
        g.writeStringField("brokerTime", text(e.brokerTime()));
        g.writeStringField("eventTime", text(e.eventTime()));
        g.writeStringField("type", m.type(e.type()));
        g.writeStringField("entity", m.entity(e.entity()));
        for (var n : e.numbers().entrySet()) {
            g.writeStringField(n.getKey(), m.field(n.getKey(), n.getValue().toPlainString()));
        }
        for (var t : e.texts().entrySet()) {
            g.writeStringField(t.getKey(), m.field(t.getKey(), t.getValue()));
        }
        writeHeaders(g, m.headers(e.headers()));
        if (more != null) {
            more.write(g);
        }
        g.writeArrayFieldStart("flags");
        for (Flag f : e.flags()) {
            g.writeStartObject();
            g.writeStringField("kind", f.kind().name());
            g.writeStringField("reason", m.reason(f));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Memphis headers as named fields, other headers kept under "headers". Files have none. */
    private static void writeHeaders(JsonGenerator g, java.util.Map<String, String> headers) throws IOException {
        if (headers.isEmpty()) {
            return;
        }
        MemphisHeaders h = MemphisHeaders.of(headers);
        if (h.producer() != null) {
            g.writeStringField("producer", h.producer());
        }
        if (h.connectionId() != null) {
            g.writeStringField("connectionId", h.connectionId());
        }
        if (h.messageId() != null) {
            g.writeStringField("messageId", h.messageId());
        }
        if (!h.user().isEmpty()) {
            g.writeObjectFieldStart("headers");
            for (var entry : h.user().entrySet()) {
                g.writeStringField(entry.getKey(), entry.getValue());
            }
            g.writeEndObject();
        }
    }

    private static String csv(Event e, Masks m, List<String> numeric, List<String> texts, List<String> changes) {
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(e.position()));
        cells.add(e.coordinates().toString());
        cells.add(nullToEmpty(text(e.brokerTime())));
        cells.add(nullToEmpty(text(e.eventTime())));
        cells.add(nullToEmpty(m.type(e.type())));
        cells.add(m.entity(e.entity()));
        for (String n : numeric) {
            BigDecimal v = e.numbers().get(n);
            cells.add(v == null ? "" : m.field(n, v.toPlainString()));
        }
        for (String t : texts) {
            cells.add(nullToEmpty(m.field(t, e.texts().get(t))));
        }
        cells.addAll(changes);
        cells.add(e.flags().stream().map(m::reason).collect(Collectors.joining("; ")));
        return cells.stream().map(EventsCommand::csvCell).collect(Collectors.joining(","));
    }

    static String csvCell(String s) {
        return io.eventscope.event.CsvText.cell(TerminalText.escape(s));
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
