package io.eventscope.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one bench run, in print order, keyed as in the JSON output. */
final class BenchFigures {
    private final Map<String, Object> values = new LinkedHashMap<>();

    void put(String key, Object value) {
        values.put(key, value);
    }

    Object get(String key) {
        return values.get(key);
    }

    Map<String, Object> asMap() {
        return values;
    }
}
