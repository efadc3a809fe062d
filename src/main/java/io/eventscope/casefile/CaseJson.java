package io.eventscope.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Typed reads of one JSON object of a case file, each failing with a sentence that names the field. */
final class CaseJson {
    static final int MAX_TEXT = 10_000;
    static final int MAX_LIST = 10_000;

    private final JsonNode node;
    private final String where;

    CaseJson(JsonNode node, String where) throws CaseFileException {
        if (node == null || !node.isObject()) {
            throw bad(where + " must be a JSON object");
        }
        this.node = node;
        this.where = where;
    }

    /** Refuses any key not in {@code known}: a misspelt or foreign key means the file is not what it says. */
    CaseJson onlyKeys(Set<String> known) throws CaseFileException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw bad(where + " has an unknown key \"" + Escaped.of(clip(name)) + "\"");
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    String text(String key, int maxLength) throws CaseFileException {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw bad(where + "." + key + " must be a text");
        }
        if (v.textValue().length() > maxLength) {
            throw bad(where + "." + key + " is longer than " + maxLength + " characters");
        }
        return v.textValue();
    }

    String optionalText(String key) throws CaseFileException {
        return has(key) ? text(key, MAX_TEXT) : "";
    }

    boolean flag(String key) throws CaseFileException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw bad(where + "." + key + " must be true or false");
        }
        return v.booleanValue();
    }

    /** A whole number in [min, max]: positions past an int, fractions and texts are refused, not rounded. */
    long whole(String key, long min, long max) throws CaseFileException {
        JsonNode v = node.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw bad(where + "." + key + " must be a whole number from " + min + " to " + max);
        }
        return v.longValue();
    }

    List<String> texts(String key) throws CaseFileException {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray() || v.size() > MAX_LIST) {
            throw bad(where + "." + key + " must be a list of at most " + MAX_LIST + " texts");
        }
        for (JsonNode item : v) {
            if (!item.isTextual() || item.textValue().length() > MAX_TEXT) {
                throw bad(where + "." + key + " must hold only texts (each at most " + MAX_TEXT + " characters)");
            }
            out.add(item.textValue());
        }
        return out;
    }

    static CaseFileException bad(String what) {
        return new CaseFileException("This case file cannot be opened: " + what + ". Nothing was changed.");
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
