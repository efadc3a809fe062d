package io.eventscope.audit;

import io.eventscope.replay.EntityState;
import io.eventscope.replay.Masks;
import io.eventscope.replay.ReplayState;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What another system says the state is (a CSV: header {@code entity} then state field names) against the
 * replayed state at a cut. Decimals compare exactly by value ({@code 1.50} equals {@code 1.5}); texts by
 * their characters. {@code matched} counts the entities in both whose every listed field agrees.
 */
public record Reconcile(int matched, List<Mismatch> mismatches, List<String> onlyInSource, List<String> onlyInFile) {

    /** One field of one entity on which the file and the replay disagree. */
    public record Mismatch(String entity, String field, String expected, String replayed) {
    }

    /** The JSON answer's shape: matched, mismatches, onlyInSource, onlyInFile. */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("matched", matched);
        List<Object> list = new ArrayList<>();
        for (Mismatch m : mismatches) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("entity", m.entity());
            o.put("field", m.field());
            o.put("expected", m.expected());
            o.put("replayed", m.replayed());
            list.add(o);
        }
        root.put("mismatches", list);
        root.put("onlyInSource", onlyInSource);
        root.put("onlyInFile", onlyInFile);
        return root;
    }

    /** The same answer as {@code masks} shows it: entity ids, and the values of masked fields. */
    public Reconcile masked(Masks masks) {
        if (!masks.active()) {
            return this;
        }
        List<Mismatch> shown = mismatches.stream().map(m -> new Mismatch(masks.entity(m.entity()), m.field(),
                masks.field(m.field(), m.expected()), masks.field(m.field(), m.replayed()))).toList();
        return new Reconcile(matched, shown, onlyInSource.stream().map(masks::entity).toList(),
                onlyInFile.stream().map(masks::entity).toList());
    }

    public boolean clean() {
        return mismatches.isEmpty() && onlyInSource.isEmpty() && onlyInFile.isEmpty();
    }

    /**
     * @param fileName how to name the file in a complaint
     * @throws IllegalArgumentException with one sentence (file, line, what) when the CSV cannot be used
     */
    public static Reconcile of(ReplayState state, BufferedReader csv, String fileName) throws IOException {
        ReconcileCsv rows = new ReconcileCsv(csv, fileName);
        List<String> header = rows.next();
        if (header == null || header.isEmpty() || !header.get(0).strip().equalsIgnoreCase("entity")) {
            throw new IllegalArgumentException(fileName + " line 1: the header must start with entity, then state "
                    + "fields (" + String.join(", ", state.fieldNames()) + ").");
        }
        List<String> fields = new ArrayList<>();
        for (String h : header.subList(1, header.size())) {
            String f = h.strip();
            if (!state.fieldNames().contains(f)) {
                throw new IllegalArgumentException(fileName + " line 1: " + f + " is not a state field of the "
                        + "projection (its fields: " + String.join(", ", state.fieldNames()) + ").");
            }
            fields.add(f);
        }
        Map<String, EntityState> replayed = new LinkedHashMap<>();
        state.entities().forEach(e -> replayed.put(e.entity(), e));
        Map<String, Integer> seen = new HashMap<>();
        List<Mismatch> mismatches = new ArrayList<>();
        List<String> onlyInFile = new ArrayList<>();
        int matched = 0;
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(fileName + " line " + rows.line() + ": " + row.size()
                        + " cells, the header has " + header.size() + ".");
            }
            String entity = row.get(0).strip();
            Integer before = seen.putIfAbsent(entity, rows.line());
            if (before != null) {
                throw new IllegalArgumentException(fileName + " line " + rows.line() + ": entity " + entity
                        + " is listed again (first on line " + before + ").");
            }
            EntityState e = replayed.get(entity);
            if (e == null) {
                onlyInFile.add(entity);
                continue;
            }
            boolean all = true;
            for (int k = 0; k < fields.size(); k++) {
                String f = fields.get(k);
                String expected = row.get(k + 1).strip();
                boolean decimal = e.decimals().containsKey(f);
                String mine = decimal ? e.decimal(f).toPlainString() : e.texts().get(f);
                if (!(decimal ? sameNumber(expected, e.decimal(f)) : Objects.equals(expected, mine == null ? "" : mine))) {
                    mismatches.add(new Mismatch(entity, f, expected, mine));
                    all = false;
                }
            }
            matched += all ? 1 : 0;
        }
        List<String> onlyInSource = new ArrayList<>();
        replayed.keySet().stream().filter(id -> !seen.containsKey(id)).forEach(onlyInSource::add);
        return new Reconcile(matched, List.copyOf(mismatches), List.copyOf(onlyInSource), List.copyOf(onlyInFile));
    }

    private static boolean sameNumber(String text, BigDecimal value) {
        if (text.isEmpty() || text.length() > 400 || text.toLowerCase(Locale.ROOT).matches(".*e[+-]?\\d{5,}.*")) {
            return false; // absurd exponents would make BigDecimal work for ages; no ledger writes them
        }
        try {
            return new BigDecimal(text).compareTo(value) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
