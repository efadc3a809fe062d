package io.eventscope.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps repeated strings (types, entity ids, partition names) to small ints so the timeline stores one
 * int per event instead of one string. One writer; readers on other threads see every id that was
 * handed out before they read {@link #size()}.
 */
public final class StringInterner {
    private final Map<String, Integer> ids = new HashMap<>();
    private volatile String[] values = new String[16];
    private volatile int size;

    /** Returns the id of {@code value}, adding it if new. Single writer only. */
    public int intern(String value) {
        Integer id = ids.get(value);
        if (id != null) {
            return id;
        }
        int next = size;
        String[] current = values;
        if (next == current.length) {
            current = Arrays.copyOf(current, next * 2);
        }
        current[next] = value;
        values = current;
        ids.put(value, next);
        size = next + 1;
        return next;
    }

    /** The id of {@code value}, or -1 when it was never interned. Writer thread only. */
    public int find(String value) {
        Integer id = ids.get(value);
        return id == null ? -1 : id;
    }

    public String get(int id) {
        return values[id];
    }

    public int size() {
        return size;
    }
}
