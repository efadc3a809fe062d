package io.eventscope.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which roles of the {@link FieldMapping} a payload field name plays, as pairs of (role, index within
 * that role's list of names); null when the decoder can skip the field. A name may play several roles
 * (an entity field also kept as text).
 */
final class FieldRoles {
    static final int TYPE = 0;
    static final int ENTITY = 1;
    static final int TIME = 2;
    static final int NUMBER = 3;
    static final int TEXT = 4;

    private static final int RECENT = 16;

    private final Map<String, int[]> roles = new HashMap<>();
    private final String[] recentNames = new String[RECENT];
    private final int[][] recentRoles = new int[RECENT][];
    private final byte[][] recentNameBytes = new byte[RECENT][];
    private final int[][] recentBytesRoles = new int[RECENT][];

    FieldRoles(FieldMapping mapping) {
        add(mapping.typeFields(), TYPE);
        add(mapping.entityFields(), ENTITY);
        add(mapping.timeFields(), TIME);
        add(mapping.numericFields(), NUMBER);
        add(mapping.textFields(), TEXT);
    }

    private void add(List<String> names, int role) {
        for (int i = 0; i < names.size(); i++) {
            int[] old = roles.get(names.get(i));
            int[] next = old == null ? new int[2] : Arrays.copyOf(old, old.length + 2);
            next[next.length - 2] = role;
            next[next.length - 1] = i;
            roles.put(names.get(i), next);
        }
    }

    /**
     * The roles of the {@code field}-th field of an object, named {@code name}. Events of one log repeat
     * their field order, and the parser hands out the same canonical name strings, so the roles of the
     * n-th field are usually those found for the n-th field last time.
     */
    int[] at(int field, String name) {
        if (field < RECENT) {
            if (recentNames[field] == name) {
                return recentRoles[field];
            }
            int[] r = roles.get(name);
            recentNames[field] = name;
            recentRoles[field] = r;
            return r;
        }
        return roles.get(name);
    }

    /** The same for a name in raw bytes {@code buf[from, to)} (ASCII, as the plain scanner guarantees). */
    int[] at(int field, byte[] buf, int from, int to) {
        if (field < RECENT) {
            byte[] last = recentNameBytes[field];
            if (last != null && sameBytes(last, buf, from, to)) {
                return recentBytesRoles[field];
            }
            int[] r = roles.get(new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
            recentNameBytes[field] = Arrays.copyOfRange(buf, from, to);
            recentBytesRoles[field] = r;
            return r;
        }
        return roles.get(new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** Field names are short: a plain loop beats the vectorised compare's set-up. */
    private static boolean sameBytes(byte[] a, byte[] buf, int from, int to) {
        if (a.length != to - from) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != buf[from + i]) {
                return false;
            }
        }
        return true;
    }
}
