package io.eventscope.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which roles of the {@link FieldMapping} a payload field name plays, as triples of (role, index within
 * that role's list of names or fields, rank among the alternatives); null when the decoder can skip the
 * field. A name may play several roles (an entity field also kept as text). References into nested
 * objects live in the {@link PathNode} tree of {@link #nested()}, headers in {@link #header}.
 *
 * <p>Both lookups remember the name of the n-th field of the last object, since events of one log
 * repeat their field order; when the order varies (each event type has its own), a name in raw bytes is
 * found by comparing bytes, so no lookup allocates.
 */
final class FieldRoles {
    static final int TYPE = 0;
    static final int ENTITY = 1;
    static final int TIME = 2;
    static final int NUMBER = 3;
    static final int TEXT = 4;
    static final int ID = 5;

    private static final int RECENT = 16;

    private final Map<String, int[]> roles = new HashMap<>();
    private final PathNode nested = new PathNode();
    private final Map<String, int[]> headers = new HashMap<>();
    private final String[] recentNames = new String[RECENT];
    private final int[][] recentRoles = new int[RECENT][];
    private final byte[][] recentNameBytes = new byte[RECENT][]; // reused buffers, valid up to recentNameLength
    private final int[] recentNameLength = new int[RECENT];
    private final int[][] recentBytesRoles = new int[RECENT][];
    /** By name length: the mapping's names of that length as ASCII bytes, and their roles. */
    private byte[][][] namesByLength;
    private int[][][] rolesByLength;

    FieldRoles(FieldMapping mapping) {
        add(mapping.typeFields(), TYPE);
        add(mapping.entityFields(), ENTITY);
        add(mapping.timeFields(), TIME);
        add(mapping.idFields(), ID);
        addSlots(mapping, mapping.numericFields(), NUMBER);
        addSlots(mapping, mapping.textFields(), TEXT);
        indexByLength();
        nested.freeze();
    }

    /** The tree of nested references below the top-level object, or null when there are none. */
    PathNode nested() {
        return nested.isEmpty() ? null : nested;
    }

    boolean hasHeaders() {
        return !headers.isEmpty();
    }

    /** The roles of header {@code lowerCaseName}, or null. */
    int[] header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Names with other than ASCII characters are left out: the plain scanner only sees ASCII names. */
    private void indexByLength() {
        Map<Integer, List<String>> byLength = roles.keySet().stream()
                .filter(name -> name.chars().allMatch(ch -> ch < 0x80))
                .collect(Collectors.groupingBy(String::length));
        int longest = byLength.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        namesByLength = new byte[longest + 1][][];
        rolesByLength = new int[longest + 1][][];
        byLength.forEach((length, names) -> {
            namesByLength[length] = names.stream().map(n -> n.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
            rolesByLength[length] = names.stream().map(roles::get).toArray(int[][]::new);
        });
    }

    private void add(List<String> refs, int role) {
        for (int i = 0; i < refs.size(); i++) {
            add(refs.get(i), role, i, i);
        }
    }

    private void addSlots(FieldMapping mapping, List<String> slots, int role) {
        for (int s = 0; s < slots.size(); s++) {
            List<String> refs = mapping.refsOf(slots.get(s));
            for (int rank = 0; rank < refs.size(); rank++) {
                add(refs.get(rank), role, s, rank);
            }
        }
    }

    private void add(String text, int role, int which, int rank) {
        FieldRef ref = FieldRef.parse(text);
        int[] triple = {role, which, rank};
        switch (ref.kind()) {
            case FIELD -> roles.merge(ref.head(), triple, FieldRoles::concat);
            case POINTER -> nested.add(ref.path(), 0, triple);
            case HEADER -> headers.merge(ref.head(), triple, FieldRoles::concat);
            default -> throw new IllegalStateException(ref.kind().name());
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
        int length = to - from;
        if (field >= RECENT) {
            return lookup(buf, from, length);
        }
        byte[] last = recentNameBytes[field];
        if (last != null && recentNameLength[field] == length && sameBytes(last, buf, from, length)) {
            return recentBytesRoles[field];
        }
        int[] r = lookup(buf, from, length);
        if (last == null || last.length < length) {
            last = new byte[Math.max(length, 16)];
            recentNameBytes[field] = last;
        }
        System.arraycopy(buf, from, last, 0, length);
        recentNameLength[field] = length;
        recentBytesRoles[field] = r;
        return r;
    }

    private int[] lookup(byte[] buf, int from, int length) {
        if (length >= namesByLength.length || namesByLength[length] == null) {
            return null;
        }
        byte[][] names = namesByLength[length];
        for (int k = 0; k < names.length; k++) {
            if (sameBytes(names[k], buf, from, length)) {
                return rolesByLength[length][k];
            }
        }
        return null;
    }

    /** Field names are short: a plain loop beats the vectorised compare's set-up. */
    private static boolean sameBytes(byte[] a, byte[] buf, int from, int length) {
        for (int i = 0; i < length; i++) {
            if (a[i] != buf[from + i]) {
                return false;
            }
        }
        return true;
    }
}
