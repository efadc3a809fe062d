package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What {@code events} prints can be read back: the CSV (RFC 4180) and the JSON Lines give the entity,
 * type and amount each line was written with, whatever commas, quotes or non-ASCII text they hold; and
 * replay is deterministic (the same log read twice gives the same state, byte for byte).
 */
class OutputRoundTripProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Line(String type, String entity, BigDecimal amount) {
    }

    @Property(tries = 25)
    void csvAndJsonLinesGiveBackTheFieldsWritten(@ForAll("logs") List<Line> log) throws Exception {
        Path file = Files.createTempFile("roundtrip", ".jsonl");
        try {
            List<String> text = new ArrayList<>();
            for (Line l : log) {
                ObjectNode o = JSON.createObjectNode().put("type", l.type()).put("account", l.entity());
                o.put("amount", l.amount());
                text.add(JSON.writeValueAsString(o));
            }
            Files.write(file, text);
            Cli csv = Cli.run("events", file.toString(), "--format", "csv");
            Cli jsonl = Cli.run("events", file.toString());
            List<List<String>> rows = parseCsv(csv.out);
            List<String> header = rows.get(0);
            List<String> lines = jsonl.out.lines().toList();
            assertThat(rows).hasSize(log.size() + 1);
            assertThat(lines).hasSize(log.size());
            for (int i = 0; i < log.size(); i++) {
                Line l = log.get(i);
                List<String> row = rows.get(i + 1);
                assertThat(row.get(header.indexOf("entity"))).isEqualTo(l.entity());
                assertThat(row.get(header.indexOf("type"))).isEqualTo(l.type());
                assertThat(new BigDecimal(row.get(header.indexOf("amount"))).compareTo(l.amount())).isZero();
                JsonNode j = JSON.readTree(lines.get(i));
                assertThat(j.get("entity").asText()).isEqualTo(l.entity());
                assertThat(j.get("type").asText()).isEqualTo(l.type());
                assertThat(new BigDecimal(j.get("amount").asText()).compareTo(l.amount())).isZero();
            }
            Cli once = Cli.run("state", file.toString(), "--format", "json");
            Cli twice = Cli.run("state", file.toString(), "--format", "json");
            assertThat(twice.out).isEqualTo(once.out);
        } finally {
            Files.delete(file);
        }
    }

    /** RFC 4180, written here rather than taken from the code under test. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Provide
    Arbitrary<List<Line>> logs() {
        Arbitrary<String> entity = Arbitraries.strings().withChars(",\"' ;\\/é€字A-Z0-9abc".toCharArray())
                .withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank());
        Arbitrary<BigDecimal> amount = Combinators.combine(Arbitraries.bigIntegers().between(
                        java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(40)), Arbitraries.integers().between(0, 30))
                .as(BigDecimal::new);
        Arbitrary<Line> line = Combinators.combine(Arbitraries.of("Deposit", "Withdrawal", "Adjustment"), entity, amount)
                .as(Line::new);
        return line.list().ofMinSize(1).ofMaxSize(20);
    }
}
