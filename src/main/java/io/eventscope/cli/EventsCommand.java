package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eventscope.event.Event;
import io.eventscope.event.Flag;
import io.eventscope.event.SourceCoordinates;
import io.eventscope.event.Timeline;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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

    @Override
    public Integer call() {
        Timeline timeline = source.load().timeline();
        int size = timeline.size();
        if (from < 1 || (from > size && size > 0) || (size == 0 && from != 1)) {
            throw new UserError("--from " + from + " is beyond the end: the timeline has " + size
                    + " positions (use 1.." + Math.max(size, 1) + ").");
        }
        if (limit != null && limit < 0) {
            throw new UserError("--limit must be 0 or more.");
        }
        int end = limit == null ? size : (int) Math.min(size, (long) from - 1 + limit);
        PrintWriter out = spec.commandLine().getOut();
        List<String> numeric = timeline.mapping().numericFields();
        List<String> texts = timeline.mapping().textFields();
        if (format == Format.csv) {
            List<String> header = new ArrayList<>(List.of("position", "source", "broker_time", "event_time",
                    "type", "entity"));
            header.addAll(numeric);
            header.addAll(texts);
            header.add("flags");
            out.println(String.join(",", header));
        }
        try (JsonGenerator json = new JsonFactory().setRootValueSeparator(null).createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (int p = from; p <= end; p++) {
                Event e = timeline.event(p);
                if (format == Format.csv) {
                    out.println(csv(e, numeric, texts));
                } else {
                    writeJson(json, e);
                    json.flush();
                    out.println();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return 0;
    }

    private static void writeJson(JsonGenerator g, Event e) throws IOException {
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
        g.writeStringField("type", e.type());
        g.writeStringField("entity", e.entity());
        for (var n : e.numbers().entrySet()) {
            g.writeStringField(n.getKey(), n.getValue().toPlainString());
        }
        for (var t : e.texts().entrySet()) {
            g.writeStringField(t.getKey(), t.getValue());
        }
        g.writeArrayFieldStart("flags");
        for (Flag f : e.flags()) {
            g.writeStartObject();
            g.writeStringField("kind", f.kind().name());
            g.writeStringField("reason", f.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String csv(Event e, List<String> numeric, List<String> texts) {
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(e.position()));
        cells.add(e.coordinates().toString());
        cells.add(nullToEmpty(text(e.brokerTime())));
        cells.add(nullToEmpty(text(e.eventTime())));
        cells.add(nullToEmpty(e.type()));
        cells.add(e.entity());
        for (String n : numeric) {
            BigDecimal v = e.numbers().get(n);
            cells.add(v == null ? "" : v.toPlainString());
        }
        for (String t : texts) {
            cells.add(nullToEmpty(e.texts().get(t)));
        }
        cells.add(e.flags().stream().map(Flag::reason).collect(Collectors.joining("; ")));
        return cells.stream().map(EventsCommand::csvCell).collect(Collectors.joining(","));
    }

    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
