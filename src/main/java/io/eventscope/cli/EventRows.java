package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eventscope.event.Event;
import io.eventscope.event.FieldMapping;
import io.eventscope.event.Flag;
import io.eventscope.event.SourceCoordinates;
import io.eventscope.replay.Masks;
import io.eventscope.source.memphis.MemphisHeaders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code events}' rows: one event a line, as a JSON object or a CSV row (after a header), with masked
 * values as {@code masks} shows them and, with change columns, every state field before and after it.
 */
final class EventRows {
    enum Format { jsonl, csv }

    private final Format format;
    private final Masks masks;
    private final PrintWriter out;
    private final JsonGenerator json;
    private final List<String> numeric;
    private final List<String> texts;
    private final ChangeColumns changeColumns;

    /** @param changeColumns the state fields' columns, or null for none */
    EventRows(Format format, Masks masks, FieldMapping mapping, ChangeColumns changeColumns, PrintWriter out) {
        this.format = format;
        this.masks = masks;
        this.changeColumns = changeColumns;
        this.out = out;
        this.numeric = mapping.numericFields();
        this.texts = mapping.textFields();
        try {
            json = new JsonFactory().setRootValueSeparator(null).createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM); // each row reaches out; out flushes when its owner says
    }

    /** The CSV header line (JSON Lines have none). */
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

    /** One event's line; change columns describe it, so their walk must have just folded it. */
    void row(Event e) {
        if (format == Format.csv) {
            out.println(csv(e, masks, numeric, texts, changeColumns == null ? List.of() : changeColumns.csvCells()));
            return;
        }
        try {
            writeJson(json, e, masks, changeColumns == null ? null : changeColumns::writeJson);
            json.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        out.println();
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
    private static void writeHeaders(JsonGenerator g, Map<String, String> headers) throws IOException {
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
        return cells.stream().map(EventRows::csvCell).collect(Collectors.joining(","));
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
